import { useEffect, useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { useIsPainted } from '../../lib/painted-context';
import { useT } from '../../i18n/i18n-context';

type TCopyState = 'idle' | 'copied' | 'failed';

/** Copies `text` exactly, and says so visibly and to screen readers. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const painted = useIsPainted();
  const [state, setState] = useState<TCopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function handleClick() {
    setState((await copyText(text)) ? 'copied' : 'failed');
  }

  return (
    <span className="copy">
      <button
        type="button"
        className="btn btn--ghost btn--small"
        disabled={painted}
        onClick={() => void handleClick()}
        aria-label={label ?? t('copy.buttonLabel', { text })}
        title={t('copy.buttonLabel', { text })}
      >
        <CopyIcon />
        <span aria-hidden="true">{t('copy.button')}</span>
      </button>
      <span className={`copy-status copy-status--${state}`} role="status">
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}

function CopyIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M3 11V3.5C3 2.7 3.7 2 4.5 2H11" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
