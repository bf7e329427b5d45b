import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context';
import type { TMessageKey } from '../../../i18n/en';
import { checkSelection, mergeFiles, type TSelectionIssue } from '../file-selection';
import {
  checkLabel,
  checkVersionId,
  ENCODINGS,
  invalidLabelCharacters,
  LABEL_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  VERSION_ID_MAX_LENGTH,
  type TEncoding,
  type TLabelIssue,
  type TVersionIdIssue,
} from '../upload-fields';
import type { TUploadRequest } from '../api/upload-input-set';
import { FileDropZone } from './file-drop-zone';

const LABEL_MESSAGES: Record<TLabelIssue, TMessageKey> = {
  required: 'upload.label.required',
  tooLong: 'upload.label.tooLong',
  badStart: 'upload.label.badStart',
  badCharacters: 'upload.label.badCharacters',
};
const VERSION_MESSAGES: Record<TVersionIdIssue, TMessageKey> = {
  required: 'upload.versionId.required',
  invalid: 'upload.versionId.invalid',
};
const SELECTION_MESSAGES: Record<TSelectionIssue, TMessageKey> = {
  empty: 'upload.files.required',
  zipNotAlone: 'upload.files.zipNotAlone',
  bundleJsonNotAlone: 'upload.files.bundleJsonNotAlone',
};
const ENCODING_LABELS: Record<TEncoding, TMessageKey> = {
  auto: 'upload.encoding.auto',
  'utf-8': 'upload.encoding.utf8',
  shift_jis: 'upload.encoding.shiftJis',
};

type TUploadFormProps = {
  isUploading: boolean;
  onSubmit: (request: TUploadRequest) => void;
};

export function UploadForm({ isUploading, onSubmit }: TUploadFormProps) {
  const t = useT();
  const ids = { label: useId(), versionId: useId(), note: useId(), encoding: useId(), allowInvalid: useId(), files: useId() };
  const [label, setLabel] = useState('');
  const [versionId, setVersionId] = useState('');
  const [note, setNote] = useState('');
  const [encoding, setEncoding] = useState<TEncoding>('auto');
  const [allowInvalid, setAllowInvalid] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [isSubmitAttempted, setIsSubmitAttempted] = useState(false);

  const labelIssue = checkLabel(label);
  const versionIssue = checkVersionId(versionId);
  const selectionIssue = checkSelection(files);
  // Inline as you type; "required" only once the user tried to submit.
  const showLabelIssue = labelIssue !== null && (labelIssue !== 'required' || isSubmitAttempted);
  const showVersionIssue = versionIssue !== null && (versionIssue !== 'required' || isSubmitAttempted);
  const showSelectionIssue = selectionIssue !== null && (selectionIssue !== 'empty' || isSubmitAttempted);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSubmitAttempted(true);
    if (labelIssue || versionIssue || selectionIssue) {
      const firstInvalid = labelIssue ? ids.label : versionIssue ? ids.versionId : null;
      if (firstInvalid) document.getElementById(firstInvalid)?.focus();
      return;
    }
    onSubmit({ label, versionId, note, encoding, allowInvalid, files });
  }

  return (
    <form className="card stack upload-form" onSubmit={handleSubmit} noValidate aria-labelledby="upload-form-title">
      <h2 id="upload-form-title">{t('upload.form.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.label}>
            {t('upload.label.label')} <span className="required-mark">{t('form.required')}</span>
          </label>
          <input
            id={ids.label}
            className="input mono"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            maxLength={LABEL_MAX_LENGTH + 10}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={showLabelIssue || undefined}
            aria-describedby={`${ids.label}-hint ${ids.label}-message`}
          />
          <p className="field-hint" id={`${ids.label}-hint`}>
            {t('upload.label.hint')}
          </p>
          <p className={showLabelIssue ? 'field-error' : 'field-ok'} id={`${ids.label}-message`} aria-live="polite">
            {showLabelIssue && labelIssue
              ? t(LABEL_MESSAGES[labelIssue], { chars: invalidLabelCharacters(label).map((c) => `“${c}”`).join(' ') })
              : labelIssue === null
                ? t('upload.label.preview', { ref: `${label}@draft` })
                : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.versionId}>
            {t('upload.versionId.label')} <span className="required-mark">{t('form.required')}</span>
          </label>
          <input
            id={ids.versionId}
            className="input mono"
            value={versionId}
            onChange={(event) => setVersionId(event.target.value)}
            maxLength={VERSION_ID_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={showVersionIssue || undefined}
            aria-describedby={`${ids.versionId}-hint ${ids.versionId}-message`}
          />
          <p className="field-hint" id={`${ids.versionId}-hint`}>
            {t('upload.versionId.hint')}
          </p>
          <p className="field-error" id={`${ids.versionId}-message`} aria-live="polite">
            {showVersionIssue && versionIssue ? t(VERSION_MESSAGES[versionIssue]) : ''}
          </p>
        </div>
        <div className="field field--wide">
          <label htmlFor={ids.note}>
            {t('upload.note.label')} <span className="optional-mark">{t('form.optional')}</span>
          </label>
          <textarea
            id={ids.note}
            className="input textarea"
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={NOTE_MAX_LENGTH}
            aria-describedby={`${ids.note}-hint`}
          />
          <p className="field-hint" id={`${ids.note}-hint`}>
            {t('upload.note.hint', { max: NOTE_MAX_LENGTH, used: note.length })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.encoding}>{t('upload.encoding.label')}</label>
          <select
            id={ids.encoding}
            className="select"
            value={encoding}
            onChange={(event) => setEncoding(event.target.value as TEncoding)}
            aria-describedby={`${ids.encoding}-hint`}
          >
            {ENCODINGS.map((value) => (
              <option key={value} value={value}>
                {t(ENCODING_LABELS[value])}
              </option>
            ))}
          </select>
          <p className="field-hint" id={`${ids.encoding}-hint`}>
            {t('upload.encoding.hint')}
          </p>
        </div>
        <div className="field field--checkbox">
          <input
            id={ids.allowInvalid}
            type="checkbox"
            checked={allowInvalid}
            onChange={(event) => setAllowInvalid(event.target.checked)}
            aria-describedby={`${ids.allowInvalid}-hint`}
          />
          <div>
            <label htmlFor={ids.allowInvalid}>{t('upload.allowInvalid.label')}</label>
            <p className="field-hint" id={`${ids.allowInvalid}-hint`}>
              {t('upload.allowInvalid.hint')}
            </p>
          </div>
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>
          {t('upload.files.legend')} <span className="required-mark">{t('form.required')}</span>
        </legend>
        <FileDropZone
          files={files}
          onAdd={(added) => setFiles((current) => mergeFiles(current, added))}
          onRemove={(name) => setFiles((current) => current.filter((file) => file.name !== name))}
          disabled={isUploading}
          describedBy={showSelectionIssue ? ids.files : undefined}
        />
        <p className="field-error" id={ids.files} aria-live="polite">
          {showSelectionIssue && selectionIssue ? t(SELECTION_MESSAGES[selectionIssue]) : ''}
        </p>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={isUploading}>
          {isUploading ? t('upload.submitting') : t('upload.submit')}
        </button>
      </div>
    </form>
  );
}
