import { Suspense, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useHasRole } from '../../lib/auth/get-session';
import { useT } from '../../i18n/i18n-context';
import { LoadingState } from '../../components/ui/state-views';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { UserMenu } from './user-menu';

function NavItem({ to, isActive, children }: { to: string; isActive: boolean; children: ReactNode }) {
  return (
    <li>
      <Link to={to} className="nav-link" aria-current={isActive ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

type THeaderMenuRefs = {
  buttonRef: RefObject<HTMLButtonElement | null>;
  panelRef: RefObject<HTMLDivElement | null>;
};

/**
 * On a narrow screen (a phone) the nav, the language switch and the account menu fold
 * behind one "Menu" button; on a wide one the button is hidden and they sit in the header.
 * One copy of each, placed by CSS, so a label or a landmark never appears twice.
 * Returns whether the menu is open, and its toggle.
 */
function useHeaderMenu({ buttonRef, panelRef }: THeaderMenuRefs): [boolean, () => void] {
  const [isOpen, setIsOpen] = useState(false);
  const [shownPath, setShownPath] = useState('');
  const { pathname } = useLocation();

  // A link followed from the menu closes it ("adjust state while rendering": no effect needed).
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setIsOpen(false);
  }

  useEffect(() => {
    if (!isOpen) return;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      // A disclosure inside (the account menu) closes first, on its own Escape.
      if (panelRef.current?.querySelector('[aria-expanded="true"]')) return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [isOpen, buttonRef, panelRef]);

  return [isOpen, () => setIsOpen((open) => !open)];
}

export function AppLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const canUpload = useHasRole('planner');
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const menuPanelRef = useRef<HTMLDivElement>(null);
  const [isMenuOpen, toggleMenu] = useHeaderMenu({ buttonRef: menuButtonRef, panelRef: menuPanelRef });
  const panelId = useId();
  const isUpload = pathname === paths.upload.path;
  const isInputSets = pathname.startsWith(paths.inputSets.path) && !isUpload;
  const isPlans = pathname === paths.plans.path || pathname.startsWith('/ui/runs/');

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('header.skipToContent')}
      </a>
      <header className="app-header">
        <Link to={paths.inputSets.getHref()} className="app-brand">
          <span className="app-brand-mark" aria-hidden="true">
            P
          </span>
          {t('app.name')}
        </Link>
        <button
          ref={menuButtonRef}
          type="button"
          className="app-menu-button"
          aria-expanded={isMenuOpen}
          aria-controls={panelId}
          onClick={toggleMenu}
        >
          <svg
            className="icon"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
          >
            {isMenuOpen ? (
              <path
                d="M4 4l8 8M12 4l-8 8"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            ) : (
              <path
                d="M2.5 4h11M2.5 8h11M2.5 12h11"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            )}
          </svg>
          {t('header.menu')}
        </button>
        <div ref={menuPanelRef} id={panelId} className="app-header-panel" data-open={isMenuOpen}>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              <NavItem to={paths.inputSets.getHref()} isActive={isInputSets}>
                {t('nav.inputSets')}
              </NavItem>
              {canUpload ? (
                <NavItem to={paths.upload.getHref()} isActive={isUpload}>
                  {t('nav.upload')}
                </NavItem>
              ) : null}
              <NavItem to={paths.plans.getHref()} isActive={isPlans}>
                {t('nav.plans')}
              </NavItem>
            </ul>
          </nav>
          <div className="app-header-tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
