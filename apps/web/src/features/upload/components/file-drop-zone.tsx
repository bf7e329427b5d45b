import { useId, useRef } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { formatBytes } from '../../../lib/format';
import { useT, useTc } from '../../../i18n/i18n-context';
import { ACCEPTED_FILES, fileKind } from '../file-selection';
import { FilesTable } from '../../../components/ui/files-table';

type TFileDropZoneProps = {
  files: readonly File[];
  onAdd: (files: File[]) => void;
  onRemove: (name: string) => void;
  disabled?: boolean;
  describedBy?: string;
};

/**
 * Drag and drop files on the zone, or click it, or use its "Choose files…" button:
 * the button is the zone's one tab stop (Enter and Space open the file picker).
 */
export function FileDropZone({ files, onAdd, onRemove, disabled, describedBy }: TFileDropZoneProps) {
  const t = useT();
  const tc = useTc();
  const hintId = useId();
  const chooseRef = useRef<HTMLButtonElement>(null);
  const { getRootProps, getInputProps, open, isDragActive, isDragReject, fileRejections } = useDropzone({
    accept: ACCEPTED_FILES,
    multiple: true,
    disabled,
    // The zone is no tab stop of its own: its button is.
    noKeyboard: true,
    // The File System Access picker ignores `accept` in some browsers.
    useFsAccessApi: false,
    onDrop: (accepted) => {
      if (accepted.length > 0) onAdd(accepted);
    },
  });

  function handleRemove(name: string) {
    onRemove(name);
    chooseRef.current?.focus();
  }

  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const stateClass = isDragReject ? ' dropzone--reject' : isDragActive ? ' dropzone--active' : '';

  return (
    <div className="stack-s">
      <div
        {...getRootProps({
          className: `dropzone${stateClass}${disabled ? ' dropzone--disabled' : ''}`,
          role: 'group',
          'aria-label': t('upload.dropzone.label'),
          'aria-describedby': [hintId, describedBy].filter(Boolean).join(' '),
          'aria-disabled': disabled || undefined,
        })}
      >
        {/* The picker's own input is no second "Choose files" for a screen reader: the button is. */}
        <input {...getInputProps({ 'aria-hidden': true })} />
        <svg
          className="dropzone-icon"
          viewBox="0 0 48 48"
          width="40"
          height="40"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M24 31V11m0 0l-8 8m8-8l8 8"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          />
          <path
            d="M10 29v7a3 3 0 003 3h22a3 3 0 003-3v-7"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          />
        </svg>
        <p className="dropzone-title">
          {isDragActive ? t('upload.dropzone.active') : t('upload.dropzone.title')}
        </p>
        <p className="dropzone-hint" id={hintId}>
          {t('upload.dropzone.hint')}
        </p>
        <button
          ref={chooseRef}
          type="button"
          className="btn btn--secondary dropzone-button"
          onClick={(event) => {
            // The zone opens the picker on a click too: once is enough.
            event.stopPropagation();
            open();
          }}
          disabled={disabled}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        >
          {t('upload.dropzone.choose')}
        </button>
      </div>
      {files.length > 0 ? (
        <p className="muted num">
          {tc('upload.files.summary', files.length, { size: formatBytes(totalBytes) })}
        </p>
      ) : null}
      <RejectedFiles rejections={fileRejections} />
      {files.length > 0 ? (
        <FilesTable
          caption={t('upload.files.caption')}
          columns={
            <>
              <th scope="col">{t('upload.files.name')}</th>
              <th scope="col">{t('upload.files.kind')}</th>
              <th scope="col" className="num">
                {t('upload.files.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('upload.files.actions')}</span>
              </th>
            </>
          }
        >
          {files.map((file) => (
            <tr key={file.name}>
              <td className="mono">{file.name}</td>
              <td>{fileKind(file.name)?.toUpperCase() ?? '—'}</td>
              <td className="num">{formatBytes(file.size)}</td>
              <td className="actions">
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => handleRemove(file.name)}
                  disabled={disabled}
                  aria-label={t('upload.files.removeLabel', { name: file.name })}
                >
                  {t('upload.files.remove')}
                </button>
              </td>
            </tr>
          ))}
        </FilesTable>
      ) : null}
    </div>
  );
}

function RejectedFiles({ rejections }: { rejections: readonly FileRejection[] }) {
  const t = useT();
  if (rejections.length === 0) return null;
  return (
    <div className="alert alert--warning" role="alert">
      <div className="alert-body">
        <p className="alert-title">{t('upload.rejected.title')}</p>
        <ul className="bullets">
          {rejections.map(({ file }) => (
            <li key={file.name}>
              <span className="mono">{file.name}</span> — {t('upload.rejected.reason')}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
