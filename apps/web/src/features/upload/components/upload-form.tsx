import { useId, useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { UPLOAD_LIMITS } from '@planning-hub/contracts/api/upload-limits';
import { useT } from '../../../i18n/i18n-context';
import { CheckboxField, FormField } from '../../../components/ui/form-field';
import type { TMessageKey } from '../../../i18n/en';
import { mergeFiles, type TSelectionIssue } from '../file-selection';
import { checkBundle, uploadBlock } from '../bundle-check';
import {
  ALLOW_INVALID_ID,
  checkLabel,
  checkVersionId,
  ENCODINGS,
  invalidLabelCharacters,
  type TEncoding,
  type TLabelIssue,
  type TVersionIdIssue,
} from '../upload-fields';
import type { TUploadRequest } from '../api/upload-input-set';
import { BundleCheckPanel } from './bundle-check-panel';
import { DraftNotice, ReplaceDraftDialog, useDraftReplacement } from './draft-replacement';
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
  /** The label or the files changed: what an earlier upload answered no longer applies. */
  onChange?: () => void;
};

export function UploadForm({ isUploading, onSubmit, onChange }: TUploadFormProps) {
  const t = useT();
  const ids = {
    label: useId(),
    versionId: useId(),
    note: useId(),
    encoding: useId(),
    files: useId(),
    draft: useId(),
  };
  const [label, setLabel] = useState('');
  const [versionId, setVersionId] = useState('');
  const [note, setNote] = useState('');
  const [encoding, setEncoding] = useState<TEncoding>('auto');
  const [allowInvalid, setAllowInvalid] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [isSubmitAttempted, setIsSubmitAttempted] = useState(false);
  const checkSummaryRef = useRef<HTMLParagraphElement>(null);
  const replacement = useDraftReplacement(label);

  const labelIssue = checkLabel(label);
  const versionIssue = checkVersionId(versionId);
  const check = checkBundle(files, UPLOAD_LIMITS);
  const selectionIssue = check.selectionIssue;
  const block = uploadBlock(check, allowInvalid);
  // Inline as you type; "required" only once the user tried to submit.
  const showLabelIssue = labelIssue !== null && (labelIssue !== 'required' || isSubmitAttempted);
  const showVersionIssue = versionIssue !== null && (versionIssue !== 'required' || isSubmitAttempted);
  const showSelectionIssue = selectionIssue !== null && (selectionIssue !== 'empty' || isSubmitAttempted);
  const draft = labelIssue === null ? replacement.draft : null;

  function changeFiles(next: (current: File[]) => File[]) {
    setFiles(next);
    onChange?.();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSubmitAttempted(true);
    if (labelIssue || versionIssue || block) {
      const firstInvalid = labelIssue ? ids.label : versionIssue ? ids.versionId : null;
      if (firstInvalid) document.getElementById(firstInvalid)?.focus();
      else if (block !== 'selection') checkSummaryRef.current?.focus();
      return;
    }
    void replacement.sendOrConfirm({ label, versionId, note, encoding, allowInvalid, files }, onSubmit);
  }

  return (
    <form
      className="card stack upload-form"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="upload-form-title"
    >
      <h2 id="upload-form-title">{t('upload.form.title')}</h2>
      <div className="form-grid">
        <FormField
          id={ids.label}
          label={t('upload.label.label')}
          mark="required"
          hint={t('upload.label.hint')}
          message={
            showLabelIssue && labelIssue
              ? t(LABEL_MESSAGES[labelIssue], {
                  chars: invalidLabelCharacters(label)
                    .map((c) => `“${c}”`)
                    .join(' '),
                })
              : labelIssue === null
                ? draft
                  ? t('upload.label.replaces', { ref: draft.ref })
                  : t('upload.label.preview', { ref: `${label}@draft` })
                : ''
          }
          messageTone={showLabelIssue ? 'error' : 'ok'}
          describedBy={draft ? ids.draft : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={label}
              onChange={(event) => {
                setLabel(event.target.value);
                onChange?.();
              }}
              maxLength={FIELD_LIMITS.label + 10}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={showLabelIssue || undefined}
            />
          )}
        </FormField>
        <FormField
          id={ids.versionId}
          label={t('upload.versionId.label')}
          mark="required"
          hint={t('upload.versionId.hint')}
          message={showVersionIssue && versionIssue ? t(VERSION_MESSAGES[versionIssue]) : ''}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={versionId}
              onChange={(event) => setVersionId(event.target.value)}
              maxLength={FIELD_LIMITS.versionId}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={showVersionIssue || undefined}
            />
          )}
        </FormField>
        {draft ? <DraftNotice draft={draft} id={ids.draft} /> : null}
        <FormField
          id={ids.note}
          label={t('upload.note.label')}
          mark="optional"
          hint={t('upload.note.hint', { max: FIELD_LIMITS.uploadNote, used: note.length })}
          className="field--wide"
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={FIELD_LIMITS.uploadNote}
            />
          )}
        </FormField>
        <FormField id={ids.encoding} label={t('upload.encoding.label')} hint={t('upload.encoding.hint')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={encoding}
              onChange={(event) => setEncoding(event.target.value as TEncoding)}
            >
              {ENCODINGS.map((value) => (
                <option key={value} value={value}>
                  {t(ENCODING_LABELS[value])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <CheckboxField
          id={ALLOW_INVALID_ID}
          label={t('upload.allowInvalid.label')}
          hint={t('upload.allowInvalid.hint')}
          checked={allowInvalid}
          onChange={setAllowInvalid}
        />
      </div>

      <fieldset className="fieldset">
        <legend>
          {t('upload.files.legend')} <span className="required-mark">{t('form.required')}</span>
        </legend>
        <FileDropZone
          files={files}
          onAdd={(added) => changeFiles((current) => mergeFiles(current, added))}
          onRemove={(name) => changeFiles((current) => current.filter((file) => file.name !== name))}
          disabled={isUploading}
          describedBy={showSelectionIssue ? ids.files : undefined}
        />
        <p className="field-error" id={ids.files} aria-live="polite">
          {showSelectionIssue && selectionIssue ? t(SELECTION_MESSAGES[selectionIssue]) : ''}
        </p>
        {files.length > 0 ? (
          <BundleCheckPanel
            check={check}
            limits={UPLOAD_LIMITS}
            allowInvalid={allowInvalid}
            allowInvalidLabel={t('upload.allowInvalid.label')}
            summaryRef={checkSummaryRef}
          />
        ) : null}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={isUploading}>
          {isUploading ? t('upload.submitting') : t('upload.submit')}
        </button>
      </div>
      <ReplaceDraftDialog
        pending={replacement.pending}
        onCancel={replacement.dismiss}
        onConfirm={(request) => {
          replacement.dismiss();
          onSubmit(request);
        }}
      />
    </form>
  );
}
