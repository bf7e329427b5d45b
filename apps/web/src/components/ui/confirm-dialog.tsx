import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';

type TConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  /** What confirming does, said in full: the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  /** While the confirmed action is being sent: the buttons wait. */
  isBusy?: boolean;
  busyLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
};

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation (the WAI-ARIA dialog pattern on the native <dialog>): the page
 * behind is inert, Tab and Shift+Tab stay inside, Escape cancels, and focus goes back
 * to where it was when the dialog closes. Focus starts on Cancel, the safe choice.
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  isBusy = false,
  busyLabel,
  onConfirm,
  onCancel,
}: TConfirmDialogProps) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
      openerRef.current?.focus();
      openerRef.current = null;
    }
  }, [isOpen]);

  // Unmounted while open (the page navigated away): nothing to give focus back to.
  useEffect(() => () => dialogRef.current?.close(), []);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={handleKeyDown}
      onCancel={(event) => {
        // Escape: the page decides (it may be sending the confirmed action).
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
      onClose={() => {
        // Closed by the browser itself (a second Escape): keep the page's state in step.
        if (isOpen) onCancel();
      }}
    >
      {isOpen ? (
        <div className="dialog-body stack">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div id={bodyId} className="stack-s">
            {children}
          </div>
          <div className="dialog-actions">
            <button
              ref={cancelRef}
              type="button"
              className="btn btn--secondary"
              onClick={onCancel}
              disabled={isBusy}
            >
              {t('dialog.cancel')}
            </button>
            <button type="button" className="btn btn--primary" onClick={onConfirm} disabled={isBusy}>
              {isBusy ? (busyLabel ?? confirmLabel) : confirmLabel}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
