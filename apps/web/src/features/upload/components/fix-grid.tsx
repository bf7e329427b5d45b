import { BROWSER_EDIT_LIMITS } from '@planning-hub/contracts/api/input-sets';
import type { TProblem } from '@planning-hub/contracts/problems';
import { SpacerRow, useVirtualGrid } from '../../../components/ui/virtual-grid';
import { useI18n } from '../../../i18n/i18n-context';
import { translateProblem } from '../../../i18n/problem-messages';
import {
  cellKey,
  cellValue,
  isEditable,
  rowKey,
  type TFixSession,
  type TGridMarks,
} from '../fix/fix-session';

/** Tall enough for an input of 30 px with its border and a little air. */
const ROW_HEIGHT = 40;
/** The grid grows with its rows up to this, then scrolls. */
const MAX_HEIGHT = 360;

type TFixGridProps = {
  session: TFixSession;
  marks: TGridMarks;
  file: string;
  isDisabled: boolean;
  onEdit: (change: { file: string; row: number; columnIndex: number; after: string }) => void;
};

/**
 * The rows of one file that a report named, as a spreadsheet numbers them, every cell
 * editable: marked red where an error is, amber for a warning, with a bar once edited.
 * Virtualised: a file may have thousands of such rows (1,000 per kind of problem).
 */
export function FixGrid({ session, marks, file, isDisabled, onEdit }: TFixGridProps) {
  const { language, t } = useI18n();
  const fixFile = session.files.get(file)!;
  const lines = session.lines.get(file) ?? [];
  // One window: the rows are in memory, and at most some thousands.
  const grid = useVirtualGrid({
    total: lines.length,
    windowRows: Math.max(1, lines.length),
    pageRows: 1000,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
  });
  const { virtualizer, virtualRows, setScrollElement } = grid;
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = fixFile.header.length + 2;
  const translated = (problem: TProblem) => (language === 'en' ? null : translateProblem(problem, language));
  const messageOf = (problem: TProblem) => translated(problem) ?? problem.message;

  return (
    <div
      className="table-scroll fix-grid-scroll"
      // Header row, rows, and room for a horizontal scrollbar.
      style={{ height: Math.min(MAX_HEIGHT, (lines.length + 1) * ROW_HEIGHT + 20) }}
      ref={setScrollElement}
      tabIndex={0}
      role="region"
      aria-label={t('fix.grid.caption', { file })}
    >
      <table className="table fix-table" aria-rowcount={lines.length + 1}>
        <caption className="visually-hidden">{t('fix.grid.caption', { file })}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="num fix-rownum">
              {t('fix.grid.row')}
            </th>
            {fixFile.header.map((column, index) => (
              <th key={index} scope="col" className="mono">
                {column}
              </th>
            ))}
            <th scope="col">{t('fix.grid.problems')}</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} columnCount={columnCount} />
          {virtualRows.map((virtualRow) => {
            const line = lines[virtualRow.index]!;
            const cells = fixFile.rows.get(line);
            const rowProblems = marks.rows.get(rowKey(file, line)) ?? [];
            return (
              <tr key={line} aria-rowindex={virtualRow.index + 2} style={{ height: ROW_HEIGHT }}>
                <th scope="row" className="num fix-rownum">
                  {line}
                </th>
                {cells
                  ? fixFile.header.map((column, columnIndex) => {
                      const key = cellKey(file, line, columnIndex);
                      const problems = marks.cells.get(key);
                      const edit = session.edits.get(key);
                      const severity = problems?.some((p) => p.severity === 'error')
                        ? 'error'
                        : problems
                          ? 'warning'
                          : null;
                      const classes = [
                        'fix-cell',
                        severity ? `fix-cell--${severity}` : null,
                        edit ? 'fix-cell--edited' : null,
                      ];
                      return (
                        <td key={columnIndex} className={classes.filter(Boolean).join(' ')}>
                          <input
                            className="fix-input mono"
                            value={cellValue(session, file, line, columnIndex)}
                            onChange={(event) =>
                              onEdit({ file, row: line, columnIndex, after: event.target.value })
                            }
                            readOnly={isDisabled || !isEditable(session, file, line, columnIndex)}
                            maxLength={BROWSER_EDIT_LIMITS.maxValueLength}
                            spellCheck={false}
                            autoComplete="off"
                            aria-label={t('fix.grid.cellLabel', { column, row: line })}
                            aria-invalid={severity === 'error' || undefined}
                            title={
                              [
                                ...(problems ?? []).map(messageOf),
                                edit ? t('fix.grid.was', { value: edit.before }) : null,
                              ]
                                .filter(Boolean)
                                .join('\n') || undefined
                            }
                          />
                        </td>
                      );
                    })
                  : fixFile.header.map((_, columnIndex) => <td key={columnIndex} className="fix-cell" />)}
                <td className="fix-row-problems">
                  {!cells ? (
                    t('fix.grid.rowUnreadable')
                  ) : rowProblems.length > 0 ? (
                    rowProblems.map((problem, index) => (
                      <span
                        key={index}
                        className="fix-row-problem"
                        lang={translated(problem) === null ? 'en' : undefined}
                      >
                        {messageOf(problem)}
                      </span>
                    ))
                  ) : (
                    <span className="fix-row-ok">{t('fix.grid.rowFixed')}</span>
                  )}
                </td>
              </tr>
            );
          })}
          <SpacerRow height={paddingBottom} columnCount={columnCount} />
        </tbody>
      </table>
    </div>
  );
}
