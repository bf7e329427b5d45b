import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useSession } from '../../lib/auth/get-session';
import { useSignOut } from '../../lib/auth/sign-out';
import { useT } from '../../i18n/i18n-context';

/** The signed-in user, their role, and sign-out: a disclosure that closes on Escape or outside click. */
export function UserMenu() {
  const t = useT();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const signOut = useSignOut();
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setIsOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isOpen]);

  if (!session) return null;
  const { user } = session;

  async function handleSignOut() {
    try {
      await signOut.mutateAsync();
    } catch {
      // The session is forgotten in this tab either way (see useSignOut).
    }
    navigate(paths.signIn.getHref(), { replace: true });
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu-name">{user.username}</span>
        <span className="role-chip">{t(`role.${user.role}`)}</span>
        <svg className="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      {isOpen ? (
        <div className="user-menu-panel" id={menuId}>
          <dl className="kv kv--tight">
            <dt>{t('user.username')}</dt>
            <dd>{user.username}</dd>
            <dt>{t('user.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
            <dt>{t('user.employeeId')}</dt>
            <dd>{user.employeeId ?? '—'}</dd>
          </dl>
          <button
            type="button"
            className="btn btn--secondary btn--block"
            onClick={() => void handleSignOut()}
            disabled={signOut.isPending}
          >
            {signOut.isPending ? t('user.signingOut') : t('user.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
