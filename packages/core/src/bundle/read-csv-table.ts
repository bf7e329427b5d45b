import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { readCsvRecords } from '../csv/read-csv-records';
import { readAsUtf8 } from '../encoding/read-as-utf8';
import type { TDetectedEncoding } from '../encoding/encodings';
import type { TBundleContext } from '../validation/bundle-context';
import { problemMessage, type TProblemList } from '../validation/problem-list';
import { resolveHeader } from '../validation/resolve-header';
import { createHeaderValidator, type TTableValidator } from '../validation/table-validator';
import { orderParamsFirst } from './order-params';
import type { TRowBatcher } from './row-batcher';

/** Fewer bytes per row than real bundles have: the row count guess errs on the high side. */
const BYTES_PER_ROW_GUESS = 40;

/** Thrown by the replay's record handler to stop reading at the out-of-order row. */
const STOP_REPLAY = Symbol('stop-replay');

/**
 * Reads one table's CSV file: header, then every record through the table
 * validator, valid rows into the batcher, full batches to the sink after each
 * chunk. Duplicate keys are found in constant memory while the rows are in key
 * order; at the first row out of order the file is read again up to that row
 * to index the earlier keys (after the chunk, as the sink is). params.csv is
 * small and is validated once read, period_granularity first.
 */
export async function readCsvTable(options: {
  source: TByteSource;
  encoding: TDetectedEncoding;
  spec: TTableSpec;
  context: TBundleContext;
  problems: TProblemList;
  batcher: TRowBatcher;
}): Promise<void> {
  const { source, spec, problems, batcher } = options;
  const file = source.name;
  let validator: TTableValidator | null = null;
  let sourceIndexes: number[] = [];
  let isInSpecOrder = false;
  const cells: (string | undefined)[] = new Array<string | undefined>(spec.columns.length);
  const heldRecords: { cells: string[]; line: number }[] | null = spec.name === 'params' ? [] : null;

  // The usual header lists the columns in spec order: the record is the cells as they are.
  const inSpecOrder = (record: string[]): readonly (string | undefined)[] => {
    if (isInSpecOrder) return record;
    for (let i = 0; i < sourceIndexes.length; i++) {
      const index = sourceIndexes[i]!;
      cells[i] = index === -1 ? undefined : record[index];
    }
    return cells;
  };
  const validateRecord = (record: string[], line: number): void =>
    validator!.validateRow(inSpecOrder(record), line);

  /** Indexes the keys of the rows before the first out-of-order one, then lets the waiting rows go on. */
  const replayIfWaiting = async (): Promise<void> => {
    const replayLine = validator?.replayLine() ?? null;
    if (replayLine === null) return;
    try {
      await readCsvRecords(readAsUtf8(source, options.encoding), {
        onHeader() {},
        onRecord(record, line) {
          if (line >= replayLine) throw STOP_REPLAY;
          validator!.replayKey(inSpecOrder(record), line);
        },
        onUnparsable() {},
      });
    } catch (error) {
      if (error !== STOP_REPLAY) throw error;
    }
    validator!.resume();
  };

  const { hasHeader } = await readCsvRecords(readAsUtf8(source, options.encoding), {
    onHeader(header) {
      const mapping = resolveHeader({ spec, header, file, row: 1, report: problems.add });
      sourceIndexes = mapping.sourceIndexes;
      isInSpecOrder = sourceIndexes.every((index, i) => index === i);
      validator = createHeaderValidator(mapping, {
        spec,
        file,
        context: options.context,
        problems,
        expectedRows: Math.ceil(source.size / BYTES_PER_ROW_GUESS),
        trackKeyOrder: heldRecords === null,
        onValidRow: batcher.add,
      });
    },
    onRecord(record, line) {
      if (heldRecords) heldRecords.push({ cells: record, line });
      else validateRecord(record, line);
    },
    onUnparsable(line, detail, value) {
      problems.add({
        code: 'unparsable_row',
        table: spec.name,
        file,
        row: line,
        column: null,
        value,
        detail,
      });
    },
    async afterChunk() {
      await replayIfWaiting();
      await batcher.flushFull();
    },
  });
  await replayIfWaiting();

  if (!hasHeader) {
    problems.add({
      code: 'empty_file',
      table: spec.name,
      file,
      row: null,
      column: null,
      value: null,
      detail: problemMessage('problem.empty_file', { header: spec.columns.map((c) => c.name).join(',') }),
    });
    return;
  }
  if (heldRecords) {
    const keyIndex = sourceIndexes[spec.columns.findIndex((c) => c.name === 'key')] ?? -1;
    for (const record of orderParamsFirst(heldRecords, (r) =>
      keyIndex === -1 ? undefined : r.cells[keyIndex],
    )) {
      validateRecord(record.cells, record.line);
    }
  }
  (validator as TTableValidator | null)?.finish();
}
