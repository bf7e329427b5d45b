import { describe, expect, it } from 'vitest';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import { useTestPool } from '@planning-hub/test-support/test-database';
import { createMixedUomTally } from '../../src/services/checks/mixed-uom-tally';

/** A demand row as the import's sink hands it over: values in the table's column order. */
function demandRow(item: string, uom: string | null) {
  const values: Record<string, string | null> = {
    item_code: item,
    location_code: 'L1',
    period: '2027-W01',
    quantity: '1',
    uom,
  };
  return TABLE_SPECS.demand.columns.map((column) => values[column.name] ?? null);
}

describe('the mixed_uom tally the import keeps while demand streams in', () => {
  const db = useTestPool();

  it('shows units as the SQL check did: trimmed, blank as one, quote_literal in byte order', async () => {
    const units = ['個', ' pcs ', 'pcs', null, '', "it's", 'a\\b', '😀', 'ｺ'];
    const tally = createMixedUomTally();
    tally.add(units.map((uom) => demandRow('部品-001', uom)));
    tally.add([demandRow('部品-002', 'kg'), demandRow('部品-002', 'kg ')]);

    const { rows } = await db.pool.query<{ uoms: string; count: number }>(
      `SELECT string_agg(DISTINCT quote_literal(u) COLLATE "C", ', ' ORDER BY quote_literal(u) COLLATE "C") AS uoms,
              count(DISTINCT u)::int AS count
         FROM unnest($1::text[]) AS raw(v), LATERAL (SELECT coalesce(btrim(v), '') AS u) AS n`,
      [units],
    );
    expect(tally.findings(200)).toEqual({
      total: 1,
      findings: [
        {
          table: 'demand',
          keyColumns: ['item_code'],
          keyValues: ['部品-001'],
          before: null,
          after: rows[0]!.uoms,
          messageCode: 'check.mixed_uom',
          params: { item: '部品-001', count: rows[0]!.count, uoms: rows[0]!.uoms },
        },
      ],
    });
  });

  it('counts every mixed item and shows the first ones by UTF-8 bytes', () => {
    const tally = createMixedUomTally();
    for (const item of ['b', '😀', 'ｱ', 'a', 'same']) {
      tally.add([demandRow(item, 'pcs'), demandRow(item, item === 'same' ? 'pcs' : '個')]);
    }
    const { total, findings } = tally.findings(3);
    expect(total).toBe(4);
    expect(findings.map((f) => f.keyValues[0])).toEqual(['a', 'b', 'ｱ']);
  });
});
