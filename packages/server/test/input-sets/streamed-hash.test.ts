import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { createContentHasher } from '@planning-hub/core/canonical/content-hash';
import { computeStoredContentHash } from '../../src/services/input-sets/content-hash';
import { streamCopyText, streamRows } from '../../src/services/input-sets/copy-rows';
import { selectCanonicalLinesSql } from '../../src/services/input-sets/table-sql';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { useTestPool } from '@planning-hub/test-support/test-database';

/** In UTF-8 byte order (ASCII, U+90E8, U+FF71, U+20B9F). Cells whose stored text could differ from the imported text if anything were lost on the way. */
const SORTED_DEMAND = [
  'item_code,location_code,period,quantity,uom',
  '0123,OSAKA,2027-01,0.000,',
  '0123,OSAKA,2027-02,-0,kg',
  'A/B.c:d,東京,2027-01,00012345678901234567890.12345678900,pcs',
  '部品-001,東京,2027-01,100.50,pcs',
  '部品-001,東京,2027-02,80,pcs',
  'ｱ,東京,2027-02,1.5,個',
  '\u{20b9f},東京,2027-01,.5,"a ""quoted"" \\ unit"',
].join('\n');

/** Text no import lets through (control characters, quotes, backslashes), as other writers might store it. */
const AWKWARD_TEXT = [
  'tab\there',
  'new\nline\r',
  'quote " and \\ backslash',
  '\u0001\u001f\u007f',
  '\u2028 \u{1f600} 部品',
  '',
];

/**
 * The stored hash as it was computed before Node wrote the canonical lines from COPY
 * text: PostgreSQL wrote them (to_json, trim_scale). The same stored bytes must give the same hash.
 */
async function hashOfSqlLines(
  client: Parameters<typeof computeStoredContentHash>[0],
  id: number,
): Promise<string> {
  const hasher = createContentHasher();
  for (const table of TABLE_NAMES) {
    const sql = selectCanonicalLinesSql(table, id);
    if (sql === null) await streamRows(client, table, id, (row) => hasher.update(table, row));
    else await streamCopyText(client, sql, (lines) => hasher.updateLines(table, lines));
  }
  return hasher.digest();
}

describe('content hash computed while the import streams the rows', () => {
  const db = useTestPool();

  async function storedHashOf(label: string): Promise<string> {
    const { rows } = await db.pool.query<{ id: number }>(
      "SELECT id FROM planning_input_sets WHERE label = $1 AND status = 'draft'",
      [label],
    );
    const client = await db.pool.connect();
    try {
      return await computeStoredContentHash(client, rows[0]!.id);
    } finally {
      client.release();
    }
  }

  it('is the same whether PostgreSQL or core writes the canonical lines of stored rows', async () => {
    const report = await importDraft(db.pool, 'hash_sql_lines');
    const { rows } = await db.pool.query<{ id: number }>(
      "SELECT id FROM planning_input_sets WHERE label = 'hash_sql_lines'",
    );
    const id = rows[0]!.id;
    for (const [i, text] of AWKWARD_TEXT.entries()) {
      await db.pool.query(
        `INSERT INTO planning_input_demand (input_set_id, item_code, location_code, period, quantity, uom)
         VALUES ($1, $2, 'L', '2027-01', $3, $4)`,
        [id, `awkward-${i}`, ['0.000', '-1.50', '12345678901234567890.0001000', '7', '.5', '1e3'][i], text],
      );
    }
    await db.pool.query(
      `INSERT INTO planning_input_calendar (input_set_id, date, period, working, hours) VALUES ($1, '2027-03-01', '2027-03', false, NULL), ($1, '2027-03-02', '2027-03', true, 7.50)`,
      [id],
    );
    const client = await db.pool.connect();
    try {
      const byCore = createContentHasher();
      for (const table of TABLE_NAMES)
        await streamRows(client, table, id, (row) => byCore.update(table, row));
      const expected = byCore.digest();
      expect(await computeStoredContentHash(client, id)).toBe(expected);
      expect(await hashOfSqlLines(client, id)).toBe(expected);
      expect(expected).not.toBe(report.contentHash);
    } finally {
      client.release();
    }
  });

  it('equals the hash of the rows read back from PostgreSQL, demand in key order or not', async () => {
    const [header, ...rows] = SORTED_DEMAND.split('\n');
    const sorted = await importDraft(db.pool, 'hash_sorted', { overrides: { 'demand.csv': SORTED_DEMAND } });
    const shuffled = await importDraft(db.pool, 'hash_shuffled', {
      overrides: { 'demand.csv': [header, ...[...rows].reverse()].join('\n') },
    });
    expect(sorted.ok).toBe(true);
    expect(sorted.rowCounts.demand).toBe(7);
    expect(sorted.contentHash).toBe(shuffled.contentHash);
    expect(sorted.contentHash).toBe(await storedHashOf('hash_sorted'));
    expect(shuffled.contentHash).toBe(await storedHashOf('hash_shuffled'));
    const client = await db.pool.connect();
    try {
      const { rows: ids } = await client.query<{ id: number }>(
        "SELECT id FROM planning_input_sets WHERE label = 'hash_sorted'",
      );
      expect(await hashOfSqlLines(client, ids[0]!.id)).toBe(sorted.contentHash);
    } finally {
      client.release();
    }
  });

  it("puts back the connection's scan settings after reading rows in stored order", async () => {
    await importDraft(db.pool, 'hash_settings');
    const { rows } = await db.pool.query<{ id: number }>(
      "SELECT id FROM planning_input_sets WHERE label = 'hash_settings'",
    );
    const client = await db.pool.connect();
    try {
      await client.query(
        'SET max_parallel_workers_per_gather = 3; SET synchronize_seqscans = on; SET enable_seqscan = on',
      );
      await computeStoredContentHash(client, rows[0]!.id);
      const { rows: settings } = await client.query<{
        workers: string;
        synchronize: string;
        seqscan: string;
      }>(
        "SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('synchronize_seqscans') AS synchronize, current_setting('enable_seqscan') AS seqscan",
      );
      expect(settings[0]).toEqual({ workers: '3', synchronize: 'on', seqscan: 'on' });
    } finally {
      await client.query(
        'RESET max_parallel_workers_per_gather; RESET synchronize_seqscans; RESET enable_seqscan',
      );
      client.release();
    }
  });

  it('leaves out rows the import does not store (allow_invalid), like the hash read back', async () => {
    const withErrors = `${SORTED_DEMAND}\n\u{20b9f},東京,2027-01,7,pcs\n\u{20b9f},東京,2027-02,-1,pcs\n`;
    const report = await importDraft(db.pool, 'hash_invalid', {
      overrides: { 'demand.csv': withErrors },
      allowInvalid: true,
    });
    expect(report.stored).toBe(true);
    expect(report.problemSummary.errors).toBeGreaterThan(0);
    expect(report.contentHash).toBe(await storedHashOf('hash_invalid'));
  });
});
