import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A busy region; the text is read out once. */
export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <Spinner />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <EmptyIcon />
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

function EmptyIcon() {
  return (
    <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
      <rect x="8" y="10" width="32" height="28" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 18h32M16 26h16M16 31h10" stroke="currentColor" strokeWidth="2" fill="none" />
    </svg>
  );
}
