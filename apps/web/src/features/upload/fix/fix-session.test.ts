import { describe, expect, it } from 'vitest';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import type { TProblem } from '@planning-hub/contracts/problems';
import { encodeText } from '@planning-hub/planner-files/encode-text';
import {
  buildEditedFiles,
  cellKey,
  cellValue,
  findUnencodableEdits,
  listBrowserEdits,
  markProblems,
  openFixSession,
  planBulkFix,
  withEdits,
  withReport,
  type TFixSession,
} from './fix-session';

const DEMAND =
  'item_code,location_code,period,quantity,uom\r\n部品-001,東京,2027-01,１２０,pcs\r\n部品-001,東京,2027-02,80,pcs\r\n0123,OSAKA,2027-02,"1,234",\r\n';

function problem(
  row: number | null,
  column: string | null,
  value: string | null,
  code: TProblem['code'] = 'wrong_type',
  file: string | null = 'demand.csv',
): TProblem {
  // Cast: the record's other fields (its message code and parameters) play no part here.
  return {
    severity: 'error',
    code,
    table: 'demand',
    file,
    row,
    column,
    value,
    message: `${column} '${value}' is wrong.`,
  } as TProblem;
}

function reportWith(
  problems: TProblem[],
  encodings: Record<string, string> = { 'demand.csv': 'utf-8' },
): TImportReport {
  return {
    ok: problems.length === 0,
    label: 'weekly',
    revision: null,
    ref: null,
    status: null,
    versionId: 'v1',
    contentHash: null,
    previousContentHash: null,
    stored: false,
    rowCounts: {
      demand: 0,
      capacity: 0,
      mix: 0,
      inventory: 0,
      inbound: 0,
      period_metrics: 0,
      calendar: 0,
      params: 0,
    },
    encodings,
    problems,
    problemSummary: { errors: problems.length, warnings: 0, byCode: {}, truncated: false },
    durationMs: 1,
  };
}

const REFUSED = reportWith([
  problem(2, 'quantity', '１２０'),
  problem(4, 'quantity', '1,234'),
  problem(null, null, null, 'missing_file', null),
  problem(3, 'item_code,location_code,period', '部品-001, 東京, 2027-02', 'duplicate_key'),
]);

function open(text = DEMAND, report = REFUSED, encoding: 'utf-8' | 'shift_jis' = 'utf-8'): TFixSession {
  const bytes = encoding === 'shift_jis' ? encodeText(text, 'shift_jis') : new TextEncoder().encode(text);
  return openFixSession(
    [
      { name: 'demand.csv', bytes },
      { name: 'params.json', bytes: new Uint8Array() },
    ],
    report,
  );
}

const decode = (bytes: Uint8Array, label = 'utf-8') => new TextDecoder(label).decode(bytes);

describe('openFixSession', () => {
  it('reads the header and the rows the report names, from the CSV files only', () => {
    const session = open();
    expect([...session.files.keys()]).toEqual(['demand.csv']);
    expect(session.files.get('demand.csv')!.header).toEqual([
      'item_code',
      'location_code',
      'period',
      'quantity',
      'uom',
    ]);
    expect(session.lines.get('demand.csv')).toEqual([2, 3, 4]);
    expect(cellValue(session, 'demand.csv', 4, 3)).toBe('1,234');
  });
});

describe('markProblems', () => {
  it('marks the cell a problem names, the row of a duplicate key, and lists whole-file problems beside the grid', () => {
    const marks = markProblems(open());
    expect([...marks.cells.keys()]).toEqual([cellKey('demand.csv', 2, 3), cellKey('demand.csv', 4, 3)]);
    expect(marks.rows.get('demand.csv\u00003')?.map((p) => p.code)).toEqual(['duplicate_key']);
    expect(marks.outside.map((entry) => [entry.problem.code, entry.reason])).toEqual([
      ['missing_file', 'file'],
    ]);
  });

  it('never marks a cell whose value is not the one the problem quotes', () => {
    const session = open(DEMAND, reportWith([problem(3, 'quantity', '999')]));
    const marks = markProblems(session);
    expect(marks.cells.size).toBe(0);
    expect(marks.outside.map((entry) => entry.reason)).toEqual(['changed']);
  });

  it('lists a row that is not the header’s cells beside the grid', () => {
    const session = open('a,b\n1,2,3\n', reportWith([problem(2, null, null, 'unparsable_row')]));
    expect(markProblems(session).outside.map((entry) => entry.reason)).toEqual(['unreadable']);
  });
});

describe('planBulkFix', () => {
  it('counts and plans only the marked cells of the scope a fix changes', () => {
    const session = open();
    const marks = markProblems(session);
    expect(
      planBulkFix(session, marks, 'halfWidthDigits', { kind: 'all' }).map((edit) => [edit.row, edit.after]),
    ).toEqual([[2, '120']]);
    expect(
      planBulkFix(session, marks, 'thousandsSeparators', {
        kind: 'column',
        file: 'demand.csv',
        columnIndex: 3,
      }),
    ).toEqual([
      { file: 'demand.csv', row: 4, column: 'quantity', columnIndex: 3, before: '1,234', after: '1234' },
    ]);
    expect(
      planBulkFix(session, marks, 'thousandsSeparators', {
        kind: 'column',
        file: 'demand.csv',
        columnIndex: 0,
      }),
    ).toEqual([]);
    expect(planBulkFix(session, marks, 'dateFormat', { kind: 'all' })).toEqual([]);
  });

  it('leaves the keys of a duplicate row alone', () => {
    const session = open(
      DEMAND,
      reportWith([problem(3, 'item_code,location_code,period', 'x', 'duplicate_key')]),
    );
    expect(planBulkFix(session, markProblems(session), 'trimSpaces', { kind: 'all' })).toEqual([]);
  });
});

describe('edits', () => {
  it('records file, row, column, the dropped value and the new one; setting it back removes the edit', () => {
    let session = open();
    session = withEdits(
      session,
      planBulkFix(session, markProblems(session), 'halfWidthDigits', { kind: 'all' }),
    );
    session = withEdits(session, [{ file: 'demand.csv', row: 4, columnIndex: 3, after: '1234' }]);
    expect(listBrowserEdits(session)).toEqual([
      { file: 'demand.csv', row: 2, column: 'quantity', before: '１２０', after: '120' },
      { file: 'demand.csv', row: 4, column: 'quantity', before: '1,234', after: '1234' },
    ]);
    session = withEdits(session, [{ file: 'demand.csv', row: 4, columnIndex: 3, after: '1,234' }]);
    expect(listBrowserEdits(session)).toHaveLength(1);
  });

  it('marks cells by the values a check saw, and keeps fixed rows in the grid', () => {
    let session = open();
    session = withEdits(session, [{ file: 'demand.csv', row: 2, columnIndex: 3, after: '120' }]);
    session = withReport(session, reportWith([problem(4, 'quantity', '1,234')]), session.edits);
    expect(session.lines.get('demand.csv')).toEqual([2, 3, 4]);
    expect([...markProblems(session).cells.keys()]).toEqual([cellKey('demand.csv', 4, 3)]);
  });
});

describe('buildEditedFiles', () => {
  it('changes the edited rows only, quoting as needed, and keeps line breaks and other rows byte for byte', () => {
    let session = open();
    session = withEdits(session, [
      { file: 'demand.csv', row: 2, columnIndex: 3, after: '120' },
      { file: 'demand.csv', row: 4, columnIndex: 4, after: 'a,b' },
    ]);
    const edited = buildEditedFiles(session);
    expect([...edited.keys()]).toEqual(['demand.csv']);
    expect(decode(edited.get('demand.csv')!)).toBe(
      'item_code,location_code,period,quantity,uom\r\n部品-001,東京,2027-01,120,pcs\r\n部品-001,東京,2027-02,80,pcs\r\n0123,OSAKA,2027-02,"1,234","a,b"\r\n',
    );
  });

  it('keeps a Shift_JIS file Shift_JIS and a BOM where it was', () => {
    const sjis = withEdits(
      open(DEMAND, { ...REFUSED, encodings: { 'demand.csv': 'shift_jis' } }, 'shift_jis'),
      [{ file: 'demand.csv', row: 2, columnIndex: 4, after: '個' }],
    );
    const bytes = buildEditedFiles(sjis).get('demand.csv')!;
    expect(decode(bytes, 'shift_jis')).toBe(DEMAND.replace('１２０,pcs', '１２０,個'));
    expect(bytes).toEqual(encodeText(DEMAND.replace('１２０,pcs', '１２０,個'), 'shift_jis'));

    const withBom = withEdits(
      open(`\uFEFF${DEMAND}`, { ...REFUSED, encodings: { 'demand.csv': 'utf-8-bom' } }),
      [{ file: 'demand.csv', row: 2, columnIndex: 3, after: '120' }],
    );
    expect([...buildEditedFiles(withBom).get('demand.csv')!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('finds an edited value a Shift_JIS file cannot hold', () => {
    const session = withEdits(
      open(DEMAND, { ...REFUSED, encodings: { 'demand.csv': 'shift_jis' } }, 'shift_jis'),
      [{ file: 'demand.csv', row: 2, columnIndex: 4, after: 'pcs😀' }],
    );
    expect(findUnencodableEdits(session).map((entry) => entry.character)).toEqual(['😀']);
  });
});
