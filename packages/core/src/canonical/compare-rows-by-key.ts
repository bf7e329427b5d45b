import { TABLE_SPECS, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { compareUtf8 } from './compare-utf8';

export type TRowComparator = (a: TRow, b: TRow) => number;

/**
 * Natural key order of a table: key columns in spec order, each by UTF-8 bytes
 * (the server reads rows back with `ORDER BY <key> COLLATE "C"`). `date` keys
 * are `YYYY-MM-DD`, whose byte order is chronological order.
 */
export function compareRowsByKey(table: TTableName): TRowComparator {
  const key = TABLE_SPECS[table].key;
  return (a, b) => {
    for (const column of key) {
      const order = compareUtf8(a[column] ?? '', b[column] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  };
}
