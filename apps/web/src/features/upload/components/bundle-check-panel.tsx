import type { Ref } from 'react';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { formatBytes } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import {
  hasBundleErrors,
  PARAMS_JSON_FILE,
  uploadBlock,
  type TBundleCheck,
  type TUploadLimits,
} from '../bundle-check';

type TBundleCheckPanelProps = {
  check: TBundleCheck;
  limits: TUploadLimits;
  /** Whether "Keep as a draft even if it has errors" is ticked: errors are then stored, not refused. */
  allowInvalid: boolean;
  /** The checkbox's own words, so the hint names what to tick. */
  allowInvalidLabel: string;
  /** The summary line, focused when an upload is refused by this check. */
  summaryRef?: Ref<HTMLParagraphElement>;
};

/** The file(s) a table may come in, as a bundle names them. */
function expectedFiles(table: TTableName): string[] {
  return table === 'params' ? [TABLE_SPECS.params.file, PARAMS_JSON_FILE] : [TABLE_SPECS[table].file];
}

/**
 * What the browser can check before sending: the required tables, the server's limits,
 * files the server would ignore. A .zip or input_set.json is read only on the server.
 */
export function BundleCheckPanel({
  check,
  limits,
  allowInvalid,
  allowInvalidLabel,
  summaryRef,
}: TBundleCheckPanelProps) {
  const t = useT();
  const list = (names: readonly string[]) => names.join(t('upload.check.separator'));
  // params.csv or params.json: either one holds the params.
  const eitherFile = (table: TTableName) => {
    const [first, second] = expectedFiles(table);
    return second ? t('upload.check.either', { first: first ?? '', second }) : (first ?? '');
  };
  const missingFiles = check.missingTables.map(eitherFile);
  const hasErrors = hasBundleErrors(check);
  const isBlocked = uploadBlock(check, allowInvalid) !== null;

  return (
    <section className="bundle-check stack-s" aria-labelledby="bundle-check-title">
      <h3 id="bundle-check-title">{t('upload.check.title')}</h3>
      <p
        className={`bundle-check-summary bundle-check-summary--${isBlocked ? 'blocked' : hasErrors ? 'invalid' : 'ok'}`}
        ref={summaryRef}
        tabIndex={-1}
      >
        {isBlocked
          ? t('upload.check.blocked')
          : hasErrors
            ? t('upload.check.willBeInvalid')
            : check.kind === 'tables'
              ? t('upload.check.ok')
              : t('upload.check.okServer')}
      </p>

      {check.kind === 'tables' ? (
        <ul className="check-list" aria-label={t('upload.check.requiredTables')}>
          {check.required.map(({ table, file }) => (
            <li key={table} className={`check-item check-item--${file ? 'ok' : 'missing'}`}>
              <span className="check-mark" aria-hidden="true">
                {file ? '✓' : '✗'}
              </span>
              <span className="mono">{table}</span>
              <span>
                {file ? (
                  <span className="mono">{file}</span>
                ) : (
                  t('upload.check.missingTable', { files: eitherFile(table) })
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : check.kind === 'zip' ? (
        <p>{t('upload.check.zip')}</p>
      ) : check.kind === 'bundleJson' ? (
        <p>{t('upload.check.bundleJson')}</p>
      ) : null}

      <p className="muted num">
        {t('upload.check.limits', {
          count: check.fileCount,
          maxFiles: limits.maxFiles,
          size: formatBytes(check.totalBytes),
          maxSize: formatBytes(limits.maxBytes),
        })}
      </p>

      {check.isTooManyFiles ? (
        <p className="check-issue check-issue--error">
          {t('upload.check.tooManyFiles', { count: check.fileCount, max: limits.maxFiles })}
        </p>
      ) : null}
      {check.isTooLarge ? (
        <p className="check-issue check-issue--error">
          {t('upload.check.tooLarge', {
            size: formatBytes(check.totalBytes),
            max: formatBytes(limits.maxBytes),
          })}
        </p>
      ) : null}
      {check.missingTables.length > 0 ? (
        <p className={`check-issue check-issue--${allowInvalid ? 'warning' : 'error'}`}>
          {t('upload.check.missing', { tables: list(check.missingTables) })}{' '}
          {allowInvalid
            ? t('upload.check.missingKept')
            : t('upload.check.missingHint', { files: list(missingFiles), checkbox: allowInvalidLabel })}
        </p>
      ) : null}
      {check.emptyFiles.length > 0 ? (
        <p className={`check-issue check-issue--${allowInvalid ? 'warning' : 'error'}`}>
          {t('upload.check.empty', { files: list(check.emptyFiles) })}{' '}
          {allowInvalid
            ? t('upload.check.missingKept')
            : t('upload.check.emptyHint', { checkbox: allowInvalidLabel })}
        </p>
      ) : null}
      {check.unknownFiles.length > 0 ? (
        <p className="check-issue check-issue--warning">
          {t('upload.check.unknown', { files: list(check.unknownFiles) })}
        </p>
      ) : null}
      {check.surplusFiles.length > 0 ? (
        <p className="check-issue check-issue--warning">
          {t('upload.check.surplus', { files: list(check.surplusFiles) })}
        </p>
      ) : null}
    </section>
  );
}
