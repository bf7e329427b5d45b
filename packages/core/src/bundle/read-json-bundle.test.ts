import { describe, expect, it } from 'vitest';
import { hashTables } from '../canonical/content-hash';
import { collectBundle, locate, readExampleBundle, sourcesOf } from '../../test/bundle-fixtures';
import { MAX_JSON_ROW_BYTES } from './read-json-bundle';

const params = { horizon_start: '2027-W01', horizon_periods: 1, period_granularity: 'week' };
const tables = {
  calendar: [{ date: '2027-01-04', period: '2027-W01', working: true, hours: 8 }],
  capacity: [{ resource_code: 'R1', period: '2027-W01', available_hours: 40 }],
  mix: [{ resource_code: 'R1', item_code: '部品-001', share: 1, units_per_hour: '2.50' }],
  demand: [
    { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: 100.5, uom: null },
  ],
};

function jsonBundle(value: unknown): Record<string, string> {
  return { 'input_set.json': JSON.stringify(value, null, 2) };
}

describe('input_set.json', () => {
  it('reads a whole bundle from one JSON file, numbers as canonical decimals', async () => {
    const result = await collectBundle(sourcesOf(jsonBundle({ tables, params })));
    expect(result.problems).toEqual([]);
    expect(result.tables.demand).toEqual([
      { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: '100.5', uom: null },
    ]);
    expect(result.tables.mix?.[0]).toMatchObject({ share: '1', units_per_hour: '2.5' });
    expect(result.tables.calendar?.[0]).toMatchObject({ working: 'true', hours: '8' });
    expect(result.encodings).toEqual({ 'input_set.json': 'utf-8' });
  });

  it('hashes like the same data sent as CSV files', async () => {
    const fromCsv = await collectBundle(readExampleBundle('sample-bundle'));
    const asJson = {
      params: fromCsv.params,
      tables: Object.fromEntries(Object.entries(fromCsv.tables).filter(([table]) => table !== 'params')),
    };
    const fromJson = await collectBundle(sourcesOf(jsonBundle(asJson)));
    expect(fromJson.problems).toEqual([]);
    expect(hashTables(fromJson.tables)).toBe(hashTables(fromCsv.tables));
  });

  it('reports wrong JSON types per element, row = index + 2, and goes on', async () => {
    const demand = [
      { item_code: 123, location_code: 'L', period: '2027-W01', quantity: 1 },
      'not a row',
      { item_code: 'A', location_code: { nested: true }, period: '2027-W01', quantity: 1 },
      { item_code: 'B', location_code: 'L', period: '2027-W01', quantity: '2' },
    ];
    const result = await collectBundle(sourcesOf(jsonBundle({ tables: { ...tables, demand }, params })));
    expect(result.problems.map(locate)).toEqual([
      {
        severity: 'error',
        code: 'wrong_type',
        table: 'demand',
        file: 'input_set.json',
        row: 2,
        column: 'item_code',
        value: '123',
      },
      {
        severity: 'error',
        code: 'unparsable_row',
        table: 'demand',
        file: 'input_set.json',
        row: 3,
        column: null,
        value: null,
      },
      {
        severity: 'error',
        code: 'wrong_type',
        table: 'demand',
        file: 'input_set.json',
        row: 4,
        column: 'location_code',
        value: '{…}',
      },
    ]);
    expect(result.problems[0]!.message).toBe(
      'item_code is the number 123; write it as text in quotes ("123").',
    );
    expect(result.tables.demand?.map((row) => row.item_code)).toEqual(['B']);
  });

  it('reports invalid JSON with its line, never crashing', async () => {
    const result = await collectBundle(
      sourcesOf({ 'input_set.json': '{\n  "tables": {\n    "demand": [,]\n  }\n}' }),
    );
    expect(result.problems.map(locate)).toEqual([
      {
        severity: 'error',
        code: 'unparsable_row',
        table: null,
        file: 'input_set.json',
        row: 3,
        column: null,
        value: null,
      },
    ]);
  });

  it('refuses params nested deeper than the limit and a bundle of the wrong shape', async () => {
    const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    const text = `{"tables": ${JSON.stringify(tables)}, "params": {"horizon_start": "2027-W01", "horizon_periods": 1, "period_granularity": "week", "deep": ${deep}}}`;
    const deepParams = await collectBundle(sourcesOf({ 'input_set.json': text }, 1 << 16));
    expect(deepParams.problems.map((p) => [p.code, p.value])).toEqual([['param_invalid', 'deep']]);
    const wrongShape = await collectBundle(sourcesOf(jsonBundle([1, 2, 3])));
    expect(wrongShape.problems.map((p) => p.code)).toEqual(['unparsable_row']);
    const tablesNotList = await collectBundle(
      sourcesOf(jsonBundle({ tables: { ...tables, demand: { a: 1 } }, params })),
    );
    expect(tablesNotList.problems.map((p) => [p.code, p.table])).toEqual([['unparsable_row', 'demand']]);
  });

  it('reports missing tables and params, and ignores other files next to it with a warning', async () => {
    const result = await collectBundle(
      sourcesOf({ ...jsonBundle({ tables: { demand: tables.demand } }), 'demand.csv': 'x' }),
    );
    expect(result.problems.map((p) => [p.code, p.table, p.file])).toEqual([
      ['unknown_file', null, 'demand.csv'],
      ['missing_file', 'params', 'input_set.json'],
      ['missing_file', 'calendar', 'input_set.json'],
      ['missing_file', 'capacity', 'input_set.json'],
      ['missing_file', 'mix', 'input_set.json'],
    ]);
  });

  it('reads the tables in their processing order wherever they stand in the file', async () => {
    // demand first in the file; its periods are still checked against the calendar that follows.
    const demand = [
      { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: 1 },
      { item_code: '部品-001', location_code: '東京DC', period: '2027-W09', quantity: 1 },
    ];
    const text = `{"tables": {"demand": ${JSON.stringify(demand)}, "mix": ${JSON.stringify(tables.mix)}, "capacity": ${JSON.stringify(tables.capacity)}, "calendar": ${JSON.stringify(tables.calendar)}}, "params": ${JSON.stringify(params)}}`;
    const result = await collectBundle(sourcesOf({ 'input_set.json': text }, 3));
    expect(result.problems.map((p) => [p.code, p.table, p.row])).toEqual([
      ['period_outside_calendar', 'demand', 3],
    ]);
    expect(result.tables.demand).toHaveLength(1);
  });

  it('refuses a row larger than MAX_JSON_ROW_BYTES and goes on with the next', async () => {
    const demand = [
      {
        item_code: 'A',
        location_code: 'L',
        period: '2027-W01',
        quantity: 1,
        uom: 'x'.repeat(MAX_JSON_ROW_BYTES),
      },
      { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: 1 },
    ];
    const result = await collectBundle(
      sourcesOf(jsonBundle({ tables: { ...tables, demand }, params }), 1 << 16),
    );
    expect(result.problems.map((p) => [p.code, p.table, p.row])).toEqual([['unparsable_row', 'demand', 2]]);
    expect(result.problems[0]!.message).toMatch(/Element 1 of tables\.demand is larger than 1000000 bytes/);
    expect(result.tables.demand?.map((row) => row.item_code)).toEqual(['部品-001']);
  });

  it('reports a table or params given twice, and reads the last one as JSON.parse would', async () => {
    const text = `{"tables": {"demand": [], "calendar": ${JSON.stringify(tables.calendar)}, "capacity": ${JSON.stringify(tables.capacity)}, "mix": ${JSON.stringify(tables.mix)}, "demand": ${JSON.stringify(tables.demand)}}, "params": {}, "params": ${JSON.stringify(params)}}`;
    const result = await collectBundle(sourcesOf({ 'input_set.json': text }));
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      ['unparsable_row', "input_set.json has 'tables.demand' more than once; keep one of them."],
      ['unparsable_row', "input_set.json has 'params' more than once; keep one of them."],
    ]);
    expect(result.tables.demand).toHaveLength(1);
  });

  it('refuses nesting deeper than the scanner goes as invalid JSON, at once', async () => {
    const result = await collectBundle(
      sourcesOf({ 'input_set.json': `{"tables": {"demand": [${'['.repeat(200_000)}` }, 1 << 16),
    );
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([['unparsable_row', 1]]);
    expect(result.problems[0]!.message).toMatch(/nested deeper than 100000 levels/);
  });
});
