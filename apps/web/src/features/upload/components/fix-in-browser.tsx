import { useEffect, useEffectEvent, useId, useState, type ReactNode } from 'react';
import { BROWSER_EDIT_LIMITS, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { UPLOAD_LIMITS } from '@planning-hub/contracts/api/upload-limits';
import { formatBytes } from '../../../lib/format';
import { useT, useTc } from '../../../i18n/i18n-context';
import { ProblemAlert } from '../../../components/ui/problem-alert';
import { ProblemCountChip } from '../../../components/ui/problem-count-chip';
import { ProblemsByFile } from '../../../components/ui/problems-table';
import type { TMessageKey } from '../../../i18n/en';
import { checkBundle } from '../bundle-check';
import { useCheckInputSet } from '../api/check-input-set';
import type { TUploadRequest } from '../api/upload-input-set';
import {
  buildEditedFiles,
  findUnencodableEdits,
  listBrowserEdits,
  markProblems,
  openFixSession,
  withEdits,
  withReport,
  type TCellEdit,
  type TDroppedFile,
  type TFixSession,
  type TOutsideReason,
} from '../fix/fix-session';
import { BulkFixForm } from './bulk-fix-form';
import { FixDownloads } from './fix-downloads';
import { FixGrid } from './fix-grid';
import './fix-in-browser.css';

/** Wait this long after the last edit before checking again on the server. */
const AUTO_CHECK_DELAY_MS = 1200;
/** Larger bundles are checked when the planner asks: each check sends every file again. */
const AUTO_CHECK_MAX_BYTES = 5 * 1024 * 1024;

const OUTSIDE_REASONS: Record<TOutsideReason, TMessageKey> = {
  file: 'fix.outside.file',
  notEditable: 'fix.outside.notEditable',
  unreadable: 'fix.outside.unreadable',
  changed: 'fix.outside.changed',
};

type TFixInBrowserProps = {
  /** The upload as the planner made it: the files as dropped. */
  source: TUploadRequest;
  /** The newest answer to an upload of these files: refused, or stored as a draft marked invalid. */
  report: TImportReport;
  isStoring: boolean;
  /** Uploads the edited files, with the edits for the upload event. */
  onStore: (request: TUploadRequest) => void;
};

/**
 * "Fix in the browser" under a refused bundle or a draft marked invalid (docs/design.md
 * section 3). Only for the upload just made: the bad cells are in the files the planner
 * dropped, which the page still has; the server keeps no row that failed.
 */
export function FixInBrowser(props: TFixInBrowserProps) {
  const t = useT();
  if (checkBundle(props.source.files, UPLOAD_LIMITS).kind !== 'tables') {
    return (
      <section className="card stack-s" aria-labelledby="fix-title">
        <h2 id="fix-title">{t('fix.title')}</h2>
        <p>{t('fix.unavailable')}</p>
      </section>
    );
  }
  return <FixSession {...props} />;
}

function readDroppedCsvFiles(files: readonly File[]): Promise<TDroppedFile[]> {
  return Promise.all(
    files
      .filter((file) => file.name.toLowerCase().endsWith('.csv'))
      .map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** The upload's files with the edited ones written again; the others as dropped. */
function editedUploadFiles(files: readonly File[], session: TFixSession): File[] {
  const edited = buildEditedFiles(session);
  return files.map((file) => {
    const bytes = edited.get(file.name);
    return bytes ? new File([new Uint8Array(bytes)], file.name, { type: file.type }) : file;
  });
}

function FixSession({ source, report, isStoring, onStore }: TFixInBrowserProps) {
  const t = useT();
  const tc = useTc();
  const fileSelectId = useId();
  const [dropped, setDropped] = useState<TDroppedFile[] | 'failed' | null>(null);
  const [session, setSession] = useState<TFixSession | null>(null);
  const [seenReport, setSeenReport] = useState(report);
  const [reportOrigin, setReportOrigin] = useState<'upload' | 'check'>('upload');
  // The edits the last store carried: the next upload answer is about files with them.
  const [storedEdits, setStoredEdits] = useState<ReadonlyMap<string, TCellEdit> | null>(null);
  // The edits a check failed for: no automatic retry until they change.
  const [failedEdits, setFailedEdits] = useState<ReadonlyMap<string, TCellEdit> | null>(null);
  const [activeFile, setActiveFile] = useState<string | null>(null);
  // Edits whose JSON is larger than one upload's `edits` field takes.
  const [oversizedEdits, setOversizedEdits] = useState<ReadonlyMap<string, TCellEdit> | null>(null);
  const check = useCheckInputSet();

  useEffect(() => {
    let isCurrent = true;
    readDroppedCsvFiles(source.files).then(
      (files) => isCurrent && setDropped(files),
      () => isCurrent && setDropped('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, [source.files]);

  if (Array.isArray(dropped) && session === null) setSession(openFixSession(dropped, report));
  if (report !== seenReport) {
    setSeenReport(report);
    setReportOrigin('upload');
    if (session) setSession(withReport(session, report, storedEdits ?? session.reportEdits));
  }

  const totalBytes = source.files.reduce((sum, file) => sum + file.size, 0);
  const isAutoCheck = totalBytes <= AUTO_CHECK_MAX_BYTES;
  const unencodable = session ? findUnencodableEdits(session) : [];
  const isCurrent = session !== null && session.edits === session.reportEdits;
  const waitingEdits =
    session && !isCurrent && session.edits !== failedEdits && unencodable.length === 0 ? session.edits : null;

  function runCheck() {
    if (!session || unencodable.length > 0) return;
    const edits = session.edits;
    check.mutate(
      {
        label: source.label,
        versionId: source.versionId,
        encoding: source.encoding,
        files: editedUploadFiles(source.files, session),
      },
      {
        onSuccess: (checked) => {
          setReportOrigin('check');
          setSession((current) => current && withReport(current, checked, edits));
        },
        onError: () => setFailedEdits(edits),
      },
    );
  }

  const checkWhenIdle = useEffectEvent(runCheck);
  useEffect(() => {
    if (!isAutoCheck || waitingEdits === null || check.isPending || isStoring) return;
    const timer = window.setTimeout(checkWhenIdle, AUTO_CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [isAutoCheck, waitingEdits, check.isPending, isStoring]);

  if (dropped === 'failed') {
    return (
      <FixFrame>
        <p className="alert alert--error">{t('fix.readFailed')}</p>
      </FixFrame>
    );
  }
  if (!session) {
    return (
      <FixFrame>
        <p className="muted" role="status">
          {t('fix.loading')}
        </p>
      </FixFrame>
    );
  }

  const marks = markProblems(session);
  const filesWithRows = [...session.files.keys()].filter(
    (name) => (session.lines.get(name)?.length ?? 0) > 0,
  );
  const file =
    activeFile !== null && filesWithRows.includes(activeFile) ? activeFile : (filesWithRows[0] ?? null);
  const editCount = session.edits.size;
  const isTooManyEdits = editCount > BROWSER_EDIT_LIMITS.maxEdits;
  const summary = session.report.problemSummary;
  const isClean = isCurrent && summary.errors === 0;
  const isBusy = isStoring || check.isPending;

  function edit(change: { file: string; row: number; columnIndex: number; after: string }) {
    setSession((current) => current && withEdits(current, [change]));
  }

  function store() {
    if (!session) return;
    const edits = listBrowserEdits(session);
    if (new TextEncoder().encode(JSON.stringify(edits)).length > BROWSER_EDIT_LIMITS.maxFieldBytes) {
      setOversizedEdits(session.edits);
      return;
    }
    setStoredEdits(session.edits);
    onStore({ ...source, files: editedUploadFiles(source.files, session), edits });
  }

  return (
    <FixFrame>
      <div className="fix-status stack-xs" role="status" aria-live="polite">
        <p className="problem-summary">
          <span>{reportOrigin === 'upload' ? t('fix.status.upload') : t('fix.status.check')}</span>
          <ProblemCountChip severity="error" count={summary.errors} />
          <ProblemCountChip severity="warning" count={summary.warnings} />
        </p>
        <p>{editCount > 0 ? tc('fix.edits.count', editCount) : t('fix.edits.none')}</p>
        {check.isPending ? (
          <p>{t('fix.status.checking')}</p>
        ) : !isCurrent ? (
          <p className="muted">{t('fix.status.stale')}</p>
        ) : null}
        {isClean ? <p className="alert alert--success">{t('fix.status.clean')}</p> : null}
        {summary.truncated ? <p className="muted">{t('fix.truncated')}</p> : null}
      </div>
      {check.isError ? <ProblemAlert error={check.error} title={t('fix.check.failed')} /> : null}
      {unencodable.map(({ edit: cell, character }) => (
        <p key={`${cell.file}-${cell.row}-${cell.columnIndex}`} className="alert alert--error">
          {t('fix.unencodable', { file: cell.file, character, row: cell.row, column: cell.column })}
        </p>
      ))}
      {isTooManyEdits ? (
        <p className="alert alert--error">
          {t('fix.tooManyEdits', { max: BROWSER_EDIT_LIMITS.maxEdits, count: editCount })}
        </p>
      ) : null}
      {oversizedEdits === session.edits ? (
        <p className="alert alert--error">
          {t('fix.editsTooLarge', { size: formatBytes(BROWSER_EDIT_LIMITS.maxFieldBytes) })}
        </p>
      ) : null}

      <BulkFixForm
        session={session}
        marks={marks}
        isDisabled={isStoring}
        onApply={(edits) => setSession(withEdits(session, edits))}
      />

      {file === null ? (
        <p className="muted">{t('fix.noRows')}</p>
      ) : (
        <div className="stack-s">
          {filesWithRows.length > 1 ? (
            <div className="field fix-file-field">
              <label htmlFor={fileSelectId}>{t('fix.grid.file')}</label>
              <select
                id={fileSelectId}
                className="select"
                value={file}
                onChange={(event) => setActiveFile(event.target.value)}
              >
                {filesWithRows.map((name) => (
                  <option key={name} value={name}>
                    {tc('fix.grid.fileOption', session.lines.get(name)?.length ?? 0, { file: name })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <FixGrid
            key={file}
            session={session}
            marks={marks}
            file={file}
            isDisabled={isStoring}
            onEdit={edit}
          />
        </div>
      )}

      <div className="fix-actions">
        <button
          type="button"
          className="btn btn--secondary"
          onClick={runCheck}
          disabled={isBusy || unencodable.length > 0}
        >
          {t('fix.check')}
        </button>
        <button
          type="button"
          className={`btn ${isClean ? 'btn--primary' : 'btn--secondary'}`}
          onClick={store}
          disabled={isBusy || unencodable.length > 0 || isTooManyEdits}
        >
          {isStoring ? t('fix.storing') : t('fix.store')}
        </button>
      </div>
      <p className="field-hint">{isAutoCheck ? t('fix.check.auto') : t('fix.check.manual')}</p>
      <p className="field-hint">{t('fix.store.hint', { ref: `${source.label}@draft` })}</p>

      {marks.outside.length > 0 ? (
        <section className="stack-s" aria-labelledby="fix-outside-title">
          <h3 id="fix-outside-title">{t('fix.outside.title')}</h3>
          <ul className="bullets">
            {[...new Set(marks.outside.map((entry) => entry.reason))].map((reason) => (
              <li key={reason}>{t(OUTSIDE_REASONS[reason])}</li>
            ))}
          </ul>
          <ProblemsByFile problems={marks.outside.map((entry) => entry.problem)} headingLevel="h4" />
        </section>
      ) : null}

      <FixDownloads session={session} hasUnencodable={unencodable.length > 0} />
    </FixFrame>
  );
}

function FixFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <section className="card stack fix-in-browser" aria-labelledby="fix-title">
      <h2 id="fix-title">{t('fix.title')}</h2>
      <p className="muted">{t('fix.intro')}</p>
      {children}
    </section>
  );
}
