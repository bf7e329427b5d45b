import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, type TRow } from '@planning-hub/contracts/tables';
import { createContentHasher } from '../canonical/content-hash';
import { createSnapshotWriter } from './input-set-snapshot';

const meta = { label: 'weekly_refresh', revision: 2, versionId: '2027-01-A', contentHash: 'c'.repeat(64) };

function serialise(feed: (writer: ReturnType<typeof createSnapshotWriter>) => void): string {
  let text = '';
  const writer = createSnapshotWriter(meta, (chunk) => (text += chunk));
  feed(writer);
  writer.end();
  return text;
}

describe('createSnapshotWriter', () => {
  it('writes every table (empty ones too), rows in canonical text and params as JSON values', () => {
    const text = serialise((w) => {
      w.row('demand', {
        item_code: '部品-001',
        location_code: '東京',
        period: '2027-01',
        quantity: '100.50',
        uom: 'pcs',
      });
      w.row('demand', {
        item_code: '部品-001',
        location_code: '東京',
        period: '2027-02',
        quantity: '80',
        uom: null,
      });
      w.row('calendar', { date: '2027-01-04', period: '2027-01', working: 'true', hours: '8.0' });
      w.row('params', { key: 'horizon_periods', value: '2' });
      w.row('params', { key: 'planner', value: '{"name": "山田", "a": 1}' });
    });
    expect(JSON.parse(text)).toEqual({
      format: 'planning_input_set v1',
      label: 'weekly_refresh',
      revision: 2,
      version_id: '2027-01-A',
      content_hash: 'c'.repeat(64),
      tables: {
        demand: [
          { item_code: '部品-001', location_code: '東京', period: '2027-01', quantity: '100.5', uom: 'pcs' },
          { item_code: '部品-001', location_code: '東京', period: '2027-02', quantity: '80', uom: null },
        ],
        capacity: [],
        mix: [],
        inventory: [],
        inbound: [],
        period_metrics: [],
        calendar: [{ date: '2027-01-04', period: '2027-01', working: 'true', hours: '8' }],
      },
      params: { horizon_periods: 2, planner: { a: 1, name: '山田' } },
    });
    // One row per line: greppable and diffable.
    expect(text.split('\n')[2]).toBe(
      '{"item_code":"部品-001","location_code":"東京","period":"2027-01","quantity":"100.5","uom":"pcs"},',
    );
  });

  it('writes a valid document for an empty revision', () => {
    const parsed = JSON.parse(serialise(() => {}));
    expect(Object.keys(parsed.tables)).toEqual(TABLE_NAMES.filter((t) => t !== 'params'));
    expect(parsed.params).toEqual({});
  });

  it('refuses tables out of order', () => {
    expect(() =>
      serialise((w) => {
        w.row('capacity', { resource_code: 'R1', period: '2027-01', available_hours: '1' });
        w.row('demand', { item_code: 'A', location_code: 'L', period: '2027-01', quantity: '1', uom: null });
      }),
    ).toThrow('out of order');
  });

  it('holds what the content hash is computed from, so the hash can be checked from the file', () => {
    const rows: [string, TRow][] = [
      ['demand', { item_code: 'A', location_code: 'L', period: '2027-01', quantity: '1.50', uom: null }],
      ['mix', { resource_code: 'R1', item_code: 'A', share: '1', units_per_hour: '2' }],
      ['params', { key: 'horizon_start', value: '"2027-01"' }],
    ];
    const text = serialise((w) => rows.forEach(([t, r]) => w.row(t as never, r)));
    const parsed = JSON.parse(text);
    const fromFile = createContentHasher();
    for (const table of TABLE_NAMES) {
      if (table === 'params') {
        for (const [key, value] of Object.entries(parsed.params))
          fromFile.update('params', { key, value: JSON.stringify(value) });
      } else {
        for (const row of parsed.tables[table]) fromFile.update(table, row);
      }
    }
    const fromRows = createContentHasher();
    for (const [table, row] of rows) fromRows.update(table as never, row);
    expect(fromFile.digest()).toBe(fromRows.digest());
  });
});
