import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import type { TRunDetail } from '@planning-hub/contracts/api/runs';
import { useT } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { useUpdateRunNote } from '../api/update-run-note';

type TRunNoteProps = {
  run: TRunDetail;
  canEdit: boolean;
  /** Goes up each time a warning card's "Add a run note" is pressed: the note opens, focused. */
  editRequest?: number;
};

/** The run's note: for a Legacy mode run, the runbook's evidence (CSV bundle, sha256) and exception reason. */
export function RunNote({ run, canEdit, editRequest = 0 }: TRunNoteProps) {
  const t = useT();
  const id = useId();
  const update = useUpdateRunNote();
  const [isEditing, setIsEditing] = useState(false);
  const [text, setText] = useState(run.note ?? '');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // A request made before this note was (re)mounted, e.g. before the last save, is not a new one.
  const handledRequestRef = useRef(editRequest);
  const isLegacy = run.warnings.some((warning) => warning.code === 'legacy_mode');

  useEffect(() => {
    if (editRequest === handledRequestRef.current || !canEdit) return;
    handledRequestRef.current = editRequest;
    setIsEditing(true);
  }, [editRequest, canEdit]);

  useEffect(() => {
    if (!isEditing) return;
    textareaRef.current?.focus();
    textareaRef.current?.scrollIntoView({ block: 'center' });
  }, [isEditing, editRequest]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: run.id, note: text }, { onSuccess: () => setIsEditing(false) });
  }

  return (
    <section className="card stack-s" aria-labelledby="run-note-title">
      <h2 id="run-note-title">{t('run.note.title')}</h2>
      {isEditing ? (
        <form className="stack-s" onSubmit={handleSubmit}>
          <label htmlFor={id} className="visually-hidden">
            {t('run.note.title')}
          </label>
          <textarea
            ref={textareaRef}
            id={id}
            className="input textarea"
            rows={3}
            value={text}
            maxLength={FIELD_LIMITS.runNote}
            placeholder={isLegacy ? t('run.note.legacyPlaceholder') : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {update.isError ? <ProblemAlert error={update.error} title={t('run.note.failed')} /> : null}
          <div className="row">
            <button type="submit" className="btn btn--primary btn--small" disabled={update.isPending}>
              {update.isPending ? t('run.note.saving') : t('run.note.save')}
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => setIsEditing(false)}
              disabled={update.isPending}
            >
              {t('run.note.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {run.note ? (
            <p className="prewrap">{run.note}</p>
          ) : (
            <p className="muted">{isLegacy ? t('run.note.legacyEmpty') : t('run.note.empty')}</p>
          )}
          {canEdit ? (
            <div>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => {
                  setText(run.note ?? '');
                  setIsEditing(true);
                }}
              >
                {run.note ? t('run.note.edit') : t('run.note.add')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
