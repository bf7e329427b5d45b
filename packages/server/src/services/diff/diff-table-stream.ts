import { to as copyTo } from 'pg-copy-streams';
import {
  DIFF_MEASURES,
  MEASURED_TABLES,
  type TDiffKind,
  type TMeasuredTable,
} from '@planning-hub/contracts/api/diff';
import type { TTableName } from '@planning-hub/contracts/tables';
import { buildChangedRow, type TRawChangedRow } from '@planning-hub/core/diff/change-record';
import type { createDiffTally } from '@planning-hub/core/diff/diff-summary';
import type { TSqlClient } from '../../database/transaction';
import { parseCopyTextValue } from '../input-sets/table-sql';
import type { TDiffCacheWriter } from './diff-cache';
import type { TRowIndexWriter } from './diff-row-index-writer';
import { mantissaOf, exactOfUnits, parseExact, type TExact } from './exact-decimal';
import type { TMovedTally } from './moved-tally';

type TStreamTargets = {
  writer: TDiffCacheWriter;
  index: TRowIndexWriter;
  tally: ReturnType<typeof createDiffTally>;
  /** The measured columns' changes, summed per group ("What moved"); absent for the cell diff alone. */
  moved: TMovedTally | null;
};

const isMeasured = (table: TTableName): table is TMeasuredTable =>
  (MEASURED_TABLES as readonly string[]).includes(table);

/** `-value` as text: the change a removed row makes. */
function negated(text: string | null): string | null {
  if (text === null || /^0+(\.0+)?$/.test(text)) return text;
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

function exactOf(text: string | null): TExact | null {
  if (text === null) return null;
  const quick = mantissaOf(text);
  return quick ? exactOfUnits(quick.mantissa, quick.scale) : parseExact(text);
}

/**
 * Streams one table's differences (COPY TO) into the row files, their index and the
 * tallies; memory stays bounded by one chunk (plus the distinct key values).
 */
export async function streamTableDiff(
  client: TSqlClient,
  table: TTableName,
  sql: string,
  { writer, index, tally, moved }: TStreamTargets,
): Promise<void> {
  const { layout } = index;
  const allColumns = (1 << layout.valueColumns.length) - 1;
  const measured =
    isMeasured(table) && moved
      ? DIFF_MEASURES[table].columns.map((c) => layout.decimalColumns.indexOf(c))
      : null;
  const stream = client.query(copyTo(sql));
  const decoder = new TextDecoder();
  let rest = '';

  const handleLine = (line: string): Promise<void> | undefined => {
    const fields = line.split('\t');
    const kind = fields[0] as TDiffKind;
    const json = parseCopyTextValue(fields[1] ?? '\\N') ?? '{}';
    const key = layout.keyColumns.map((_, k) => parseCopyTextValue(fields[2 + k] ?? '\\N'));
    let text = json;
    let mask = allColumns;
    let decimals: { delta: string | null; old: string | null }[];
    if (kind === 'changed') {
      const row = buildChangedRow(table, JSON.parse(json) as TRawChangedRow);
      text = JSON.stringify(row);
      tally.add(
        table,
        'changed',
        row.changes.map((c) => c.column),
      );
      mask = 0;
      for (const change of row.changes) mask |= 1 << layout.valueColumns.indexOf(change.column);
      decimals = layout.decimalColumns.map((column) => {
        const change = row.changes.find((c) => c.column === column);
        return { delta: change?.delta ?? null, old: change ? change.old : null };
      });
    } else {
      tally.add(table, kind);
      decimals = layout.decimalColumns.map((_, j) => {
        const value = parseCopyTextValue(fields[2 + layout.keyColumns.length + j] ?? '\\N');
        return { delta: kind === 'added' ? value : negated(value), old: null };
      });
    }
    const { keyIds, wait: indexWait } = index.add(kind, {
      offset: writer.offsetOf(table, kind),
      key,
      mask,
      decimals,
    });
    if (measured && moved) {
      moved.add(
        table as TMeasuredTable,
        keyIds,
        measured.map((slot) => exactOf(decimals[slot]?.delta ?? null)),
      );
    }
    const rowWait = writer.append(table, kind, text);
    return indexWait && rowWait
      ? Promise.all([indexWait, rowWait]).then(() => undefined)
      : (indexWait ?? rowWait);
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const textChunk = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = textChunk.indexOf('\n'); nl !== -1; nl = textChunk.indexOf('\n', start)) {
      const wait = handleLine(textChunk.slice(start, nl));
      start = nl + 1;
      if (wait) await wait;
    }
    rest = textChunk.slice(start);
  }
  rest += decoder.decode();
  if (rest.length > 0) await handleLine(rest);
}
