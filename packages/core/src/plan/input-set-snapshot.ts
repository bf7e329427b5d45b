import {
  TABLE_NAMES,
  TABLE_SPECS,
  type TColumnType,
  type TRow,
  type TTableName,
} from '@planning-hub/contracts/tables';
import { canonicalCell } from '../canonical/canonical-cell';

/** First key of every planning_input_set.json; bump it when the layout changes. */
export const SNAPSHOT_FORMAT = 'planning_input_set v1';

export type TSnapshotMeta = { label: string; revision: number; versionId: string; contentHash: string };

export type TSnapshotWriter = {
  /** Feed tables in TABLE_NAMES order (params last) and each table's rows in natural key order. */
  row: (table: TTableName, row: TRow) => void;
  /** Closes the document; tables never fed are written empty. */
  end: () => void;
};

const ROW_TABLES = TABLE_NAMES.filter((t) => t !== 'params');

const COLUMNS: Record<TTableName, { keys: string[]; names: string[]; types: TColumnType[] }> =
  Object.fromEntries(
    TABLE_NAMES.map((table) => {
      const columns = TABLE_SPECS[table].columns;
      return [
        table,
        {
          keys: columns.map((c) => `${JSON.stringify(c.name)}:`),
          names: columns.map((c) => c.name),
          types: columns.map((c) => c.type),
        },
      ];
    }),
  ) as Record<TTableName, { keys: string[]; names: string[]; types: TColumnType[] }>;

/**
 * Serialises the canonical snapshot of one revision, piece by piece as its rows
 * stream from the database, so a million rows never exist as one object:
 *
 *   {"format":"planning_input_set v1","label":..,"revision":..,"version_id":..,"content_hash":..,"tables":{
 *   "demand":[
 *   {"item_code":"0123","location_code":"OSAKA","period":"2027-02","quantity":"20","uom":null},
 *   ...
 *   ],
 *   ...
 *   },
 *   "params":{"horizon_periods":2,...}}
 *
 * Cells are the canonical strings the content hash is computed from (decimals as
 * exact text, booleans `true`/`false`, absent optional cells null), so the
 * content hash can be recomputed from the file; params are their JSON values.
 * The bytes depend only on the revision's content: two runs of one revision write
 * the same file.
 */
export function createSnapshotWriter(meta: TSnapshotMeta, write: (text: string) => void): TSnapshotWriter {
  write(
    `{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"label":${JSON.stringify(meta.label)},"revision":${meta.revision},` +
      `"version_id":${JSON.stringify(meta.versionId)},"content_hash":${JSON.stringify(meta.contentHash)},"tables":{`,
  );
  // Sections in order: the row tables, then params. `current` is the open one (-1: none yet).
  let current = -1;
  let rowsInTable = 0;
  let paramCount = 0;

  function openSection(table: TTableName): void {
    const index = table === 'params' ? ROW_TABLES.length : ROW_TABLES.indexOf(table);
    if (index < current)
      throw new Error(`Snapshot tables out of order: ${table} after ${ROW_TABLES[current] ?? 'params'}.`);
    while (current < index) {
      if (current >= 0) write(rowsInTable > 0 ? '\n]' : ']');
      current += 1;
      if (current < ROW_TABLES.length) {
        write(`${current > 0 ? ',' : ''}\n${JSON.stringify(ROW_TABLES[current])}:[`);
        rowsInTable = 0;
      } else {
        write('\n},\n"params":{');
      }
    }
  }

  return {
    row(table, row) {
      openSection(table);
      if (table === 'params') {
        const value = canonicalCell('json', row.value ?? null) ?? 'null';
        write(`${paramCount > 0 ? ',' : ''}${JSON.stringify(row.key ?? '')}:${value}`);
        paramCount += 1;
        return;
      }
      const { keys, names, types } = COLUMNS[table];
      let line = rowsInTable > 0 ? ',\n{' : '\n{';
      for (let i = 0; i < names.length; i++) {
        line += `${i > 0 ? ',' : ''}${keys[i]}${JSON.stringify(canonicalCell(types[i]!, row[names[i]!] ?? null))}`;
      }
      write(`${line}}`);
      rowsInTable += 1;
    },
    end() {
      openSection('params');
      write('}}\n');
    },
  };
}
