import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '@planning-hub/contracts/problems';
import { TABLE_NAMES } from '@planning-hub/contracts/tables';
import { hashTables } from '../canonical/content-hash';
import { encodeText } from '@planning-hub/planner-files/encode-text';
import { collectBundle, locate, readExampleBundle, sourcesOf } from '../../test/bundle-fixtures';

function calendarWeeks(): string {
  const lines = ['date,period,working,hours'];
  for (let day = 0; day < 14; day++) {
    const date = new Date(Date.UTC(2027, 0, 4 + day));
    const weekday = date.getUTCDay();
    const text = date.toISOString().slice(0, 10);
    const period = day < 7 ? '2027-W01' : '2027-W02';
    // 2027-01-09 is a Saturday: not working, yet 8 hours (line 7).
    if (text === '2027-01-09') lines.push(`${text},${period},false,8`);
    else if (weekday === 0 || weekday === 6) lines.push(`${text},${period},false,`);
    else lines.push(`${text},${period},TRUE,8`);
  }
  return `${lines.join('\n')}\n`;
}

/** One instance of every problem kind but missing_file (whose table the other checks need). */
const EVERY_PROBLEM_BUNDLE = {
  'notes.txt': 'not part of the bundle',
  'params.csv': 'key,value\nhorizon_periods,600\nperiod_granularity,week\nservice_level,0.95\n',
  'calendar.csv': calendarWeeks(),
  'capacity.csv': 'resource_code,period,available_hour\nR1,2027-W01,40\nR2,2027-W01,40\n',
  'mix.csv': [
    'resource_code,item_code,share,units_per_hour',
    'R1,部品-001,0.6,10',
    'R1,0123,0.4,10',
    'R2,部品-002,0.5,5',
    'R9,部品-003,1,5',
  ].join('\n'),
  'demand.csv': [
    'item_code,location_code,period,quantity,uom,comment',
    '部品-001,東京DC,2027-W01,100.50,個,first',
    '0123,東京DC,2027-W01,"1,234",kg,',
    '部品-001,東京DC,2027-W01,5,個,again',
    '=cmd,東京DC,2027-W01,5,個,',
    '部品-002,東京DC,2027-W01,-5,個,',
    '部品-002,東京DC,2027-01,5,個,',
    '部品-002,東京DC,2027-W09,5,個,',
    '部品-002,大阪DC,2027-W02,7,,"a note',
    'on two lines"',
    '部品-002,大阪DC,2027-W02',
    '0123,大阪DC,2027-W02,0,kg,',
  ].join('\r\n'),
  'inventory.csv':
    'item_code,location_code,on_hand,on_hand,safety_stock\n部品-001,東京DC,10,10,\nORPHAN-1,東京DC,5,5,1\n',
  'inbound.csv': '',
  'period_metrics.csv': Buffer.concat([
    Buffer.from('period,metric,value\n2027-W01,fx,'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('1\n'),
  ]),
};

describe('processBundle', () => {
  it('reports one record for each kind of problem, with its file, row and column', async () => {
    const result = await collectBundle(sourcesOf(EVERY_PROBLEM_BUNDLE));
    expect(result.problems.map(locate)).toEqual([
      {
        severity: 'warning',
        code: 'unknown_file',
        table: null,
        file: 'notes.txt',
        row: null,
        column: null,
        value: null,
      },
      {
        severity: 'error',
        code: 'param_invalid',
        table: 'params',
        file: 'params.csv',
        row: 2,
        column: 'value',
        value: '600',
      },
      {
        severity: 'error',
        code: 'param_missing',
        table: 'params',
        file: 'params.csv',
        row: null,
        column: 'key',
        value: 'horizon_start',
      },
      {
        severity: 'warning',
        code: 'non_working_hours',
        table: 'calendar',
        file: 'calendar.csv',
        row: 7,
        column: 'hours',
        value: '8',
      },
      {
        severity: 'error',
        code: 'missing_column',
        table: 'capacity',
        file: 'capacity.csv',
        row: 1,
        column: 'available_hours',
        value: 'available_hour',
      },
      {
        severity: 'error',
        code: 'mix_resource_without_capacity',
        table: 'mix',
        file: 'mix.csv',
        row: 5,
        column: 'resource_code',
        value: 'R9',
      },
      {
        severity: 'error',
        code: 'mix_share_sum',
        table: 'mix',
        file: 'mix.csv',
        row: 4,
        column: 'share',
        value: '0.5',
      },
      {
        severity: 'warning',
        code: 'unknown_column',
        table: 'demand',
        file: 'demand.csv',
        row: 1,
        column: 'comment',
        value: 'comment',
      },
      {
        severity: 'error',
        code: 'wrong_type',
        table: 'demand',
        file: 'demand.csv',
        row: 3,
        column: 'quantity',
        value: '1,234',
      },
      {
        severity: 'error',
        code: 'duplicate_key',
        table: 'demand',
        file: 'demand.csv',
        row: 4,
        column: 'item_code,location_code,period',
        value: '部品-001, 東京DC, 2027-W01',
      },
      {
        severity: 'error',
        code: 'invalid_code',
        table: 'demand',
        file: 'demand.csv',
        row: 5,
        column: 'item_code',
        value: '=cmd',
      },
      {
        severity: 'error',
        code: 'out_of_range',
        table: 'demand',
        file: 'demand.csv',
        row: 6,
        column: 'quantity',
        value: '-5',
      },
      {
        severity: 'error',
        code: 'period_granularity',
        table: 'demand',
        file: 'demand.csv',
        row: 7,
        column: 'period',
        value: '2027-01',
      },
      {
        severity: 'error',
        code: 'period_outside_calendar',
        table: 'demand',
        file: 'demand.csv',
        row: 8,
        column: 'period',
        value: '2027-W09',
      },
      {
        severity: 'error',
        code: 'unparsable_row',
        table: 'demand',
        file: 'demand.csv',
        row: 11,
        column: null,
        value: '部品-002,大阪DC,2027-W02',
      },
      {
        severity: 'error',
        code: 'duplicate_column',
        table: 'inventory',
        file: 'inventory.csv',
        row: 1,
        column: 'on_hand',
        value: 'on_hand',
      },
      {
        severity: 'warning',
        code: 'orphan_item',
        table: 'inventory',
        file: 'inventory.csv',
        row: 3,
        column: 'item_code',
        value: 'ORPHAN-1',
      },
      {
        severity: 'error',
        code: 'empty_file',
        table: 'inbound',
        file: 'inbound.csv',
        row: null,
        column: null,
        value: null,
      },
      {
        severity: 'error',
        code: 'undecodable_bytes',
        table: 'period_metrics',
        file: 'period_metrics.csv',
        row: 2,
        column: null,
        value: 'FF',
      },
    ]);
    const codes = new Set(result.problems.map((p) => p.code));
    // annotation_ignored has a test of its own (an annotated download read back).
    expect([...Object.keys(PROBLEM_CODES)].filter((code) => !codes.has(code as never))).toEqual([
      'missing_file',
      'annotation_ignored',
    ]);
    expect(result.summary).toMatchObject({ errors: 15, warnings: 4, truncated: false });
  });

  it('reads past the problems column and problems.csv of an annotated download, with notices only', async () => {
    const files = readExampleBundle('sample-bundle');
    const demand = files.find((file) => file.name === 'demand.csv')!;
    const chunks: Uint8Array[] = [];
    for await (const chunk of demand.open()) chunks.push(chunk);
    const [header, ...rows] = Buffer.concat(chunks).toString('utf8').trimEnd().split(/\r?\n/);
    const annotated = [
      `${header},problems`,
      ...rows.map((row, i) => `${row},${i === 0 ? '"quantity: was wrong, now fixed"' : ''}`),
    ].join('\r\n');
    const withAnnotation = [
      ...files.filter((file) => file !== demand),
      ...sourcesOf({
        'demand.csv': `${annotated}\r\n`,
        'problems.csv': '\uFEFFfile,row,column,severity,code,message\r\n',
      }),
    ];
    const plain = await collectBundle(files);
    const result = await collectBundle(withAnnotation);
    expect(result.problems.filter((p) => p.severity === 'notice').map(locate)).toEqual([
      {
        severity: 'notice',
        code: 'annotation_ignored',
        table: null,
        file: 'problems.csv',
        row: null,
        column: null,
        value: null,
      },
      {
        severity: 'notice',
        code: 'annotation_ignored',
        table: 'demand',
        file: 'demand.csv',
        row: 1,
        column: 'problems',
        value: null,
      },
    ]);
    expect(result.problems.filter((p) => p.severity !== 'notice').map(locate)).toEqual(
      plain.problems.map(locate),
    );
    expect(result.summary).toMatchObject({ errors: plain.summary.errors, warnings: plain.summary.warnings });
    expect(result.tables.demand).toEqual(plain.tables.demand);
  });

  it('writes messages a planner understands, quoting the value', async () => {
    const { problems } = await collectBundle(sourcesOf(EVERY_PROBLEM_BUNDLE));
    const message = (code: string) => problems.find((p) => p.code === code)!.message;
    expect(message('wrong_type')).toBe(
      "quantity '1,234' has thousands separators; write 1234 without commas.",
    );
    expect(message('duplicate_key')).toBe(
      "This row repeats the key item_code '部品-001', location_code '東京DC', period '2027-W01' of line 2; keep one row per key.",
    );
    expect(message('invalid_code')).toMatch(/^item_code '=cmd' must not start with '='/);
    expect(message('missing_column')).toBe(
      "Column 'available_hours' is missing from capacity.csv; the header has 'available_hour': rename it to 'available_hours'.",
    );
    expect(message('period_granularity')).toMatch(
      /'2027-01' is a month period, but period_granularity is 'week'/,
    );
    expect(message('mix_share_sum')).toMatch(/resource 'R2' sum to 0.5/);
    expect(message('undecodable_bytes')).toMatch(/line 2 \(byte offset 32\)/);
    expect(message('param_invalid')).toMatch(/horizon_periods/);
  });

  it('delivers only rows without errors, in canonical form with every column', async () => {
    const { tables, rowCounts } = await collectBundle(sourcesOf(EVERY_PROBLEM_BUNDLE));
    expect(tables.demand).toEqual([
      { item_code: '部品-001', location_code: '東京DC', period: '2027-W01', quantity: '100.5', uom: '個' },
      { item_code: '部品-002', location_code: '大阪DC', period: '2027-W02', quantity: '7', uom: null },
      { item_code: '0123', location_code: '大阪DC', period: '2027-W02', quantity: '0', uom: 'kg' },
    ]);
    // A warning does not hold a row back: ORPHAN-1 is delivered.
    expect(tables.inventory).toEqual([
      { item_code: '部品-001', location_code: '東京DC', on_hand: '10', safety_stock: '0' },
      { item_code: 'ORPHAN-1', location_code: '東京DC', on_hand: '5', safety_stock: '1' },
    ]);
    expect(tables.calendar?.[0]).toEqual({
      date: '2027-01-04',
      period: '2027-W01',
      working: 'true',
      hours: '8',
    });
    expect(tables.capacity).toBeUndefined();
    expect(tables.mix?.map((row) => row.resource_code)).toEqual(['R1', 'R1', 'R2']);
    expect(rowCounts).toMatchObject({
      demand: 3,
      inventory: 2,
      capacity: 0,
      mix: 3,
      calendar: 14,
      params: 2,
      inbound: 0,
    });
  });

  it('reports a missing required file', async () => {
    const files = { ...EVERY_PROBLEM_BUNDLE } as Record<string, string | Uint8Array>;
    delete files['mix.csv'];
    const { problems } = await collectBundle(sourcesOf(files));
    expect(problems.filter((p) => p.code === 'missing_file').map(locate)).toEqual([
      {
        severity: 'error',
        code: 'missing_file',
        table: 'mix',
        file: 'mix.csv',
        row: null,
        column: null,
        value: null,
      },
    ]);
    const params = await collectBundle(sourcesOf({ 'demand.csv': 'item_code\n' }));
    expect(params.problems.find((p) => p.table === 'params')?.message).toBe(
      'params.json (or params.csv) is missing; every bundle needs the params table.',
    );
  });

  it('reads the sample bundle without a problem', async () => {
    const result = await collectBundle(readExampleBundle('sample-bundle'));
    expect(result.problems).toEqual([]);
    expect(result.rowCounts).toEqual({
      demand: 32,
      capacity: 24,
      mix: 6,
      inventory: 8,
      inbound: 8,
      period_metrics: 16,
      calendar: 56,
      params: 6,
    });
    expect(result.params).toMatchObject({
      horizon_start: '2027-W01',
      horizon_periods: 8,
      period_granularity: 'week',
    });
    expect(result.encodings['demand.csv']).toBe('utf-8');
  });

  it('decodes the Shift_JIS sample with its codes intact and hashes it like the UTF-8 one', async () => {
    const sjis = await collectBundle(readExampleBundle('sample-bundle-sjis'));
    const utf8 = await collectBundle(readExampleBundle('sample-bundle'));
    expect(sjis.problems).toEqual([]);
    expect(sjis.encodings).toMatchObject({
      'demand.csv': 'shift_jis',
      'mix.csv': 'shift_jis',
      'params.json': 'shift_jis',
    });
    expect(sjis.tables.demand?.[0]).toEqual({
      item_code: '部品-001',
      location_code: '東京DC',
      period: '2027-W01',
      quantity: '120',
      uom: '個',
    });
    expect(sjis.tables).toEqual(utf8.tables);
    expect(hashTables(sjis.tables)).toBe(hashTables(utf8.tables));
  });

  it('keeps codes exactly as typed: leading zeros, date-like and phone-like codes', async () => {
    const files = {
      'params.json': '{"horizon_start":"2027-01","horizon_periods":3,"period_granularity":"month"}',
      'calendar.csv': 'date,period,working\n2027-01-04,2027-01,1\n',
      'capacity.csv': 'resource_code,period,available_hours\n007,2027-01,8\n',
      'mix.csv': 'resource_code,item_code,share,units_per_hour\n007,0123,1,1\n',
      'demand.csv':
        'item_code,location_code,period,quantity\n0123,03-1234-5678,2027-01,1\n2027-01-04,0042,2027-01,2\n',
    };
    const { problems, tables } = await collectBundle(sourcesOf(files));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(tables.demand?.map((r) => [r.item_code, r.location_code])).toEqual([
      ['0123', '03-1234-5678'],
      ['2027-01-04', '0042'],
    ]);
    expect(tables.calendar).toEqual([
      { date: '2027-01-04', period: '2027-01', working: 'true', hours: null },
    ]);
  });

  it('gives the same content hash for the same data in UTF-8, UTF-8 with BOM and Shift_JIS', async () => {
    const text = {
      'params.csv':
        'key,value\nhorizon_start,2027-W01\nhorizon_periods,2\nperiod_granularity,week\nplanner,需給チーム\n',
      'calendar.csv': 'date,period,working,hours\n2027-01-04,2027-W01,true,8\n',
      'capacity.csv': 'resource_code,period,available_hours\nライン1,2027-W01,8.50\n',
      'mix.csv': 'resource_code,item_code,share,units_per_hour\nライン1,部品-001,1.0,3\n',
      'demand.csv': 'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-W01,100.50,個\n',
    };
    const asUtf8 = await collectBundle(sourcesOf(text));
    const withBom = await collectBundle(
      sourcesOf(
        Object.fromEntries(Object.entries(text).map(([name, content]) => [name, `\ufeff${content}`])),
      ),
    );
    const asSjis = await collectBundle(
      sourcesOf(
        Object.fromEntries(
          Object.entries(text).map(([name, content]) => [
            name,
            encodeText(content.replace(/\n/g, '\r\n'), 'shift_jis'),
          ]),
        ),
      ),
    );
    for (const result of [asUtf8, withBom, asSjis]) expect(result.problems).toEqual([]);
    expect(withBom.encodings['demand.csv']).toBe('utf-8-bom');
    expect(asSjis.encodings['demand.csv']).toBe('shift_jis');
    expect(hashTables(withBom.tables)).toBe(hashTables(asUtf8.tables));
    expect(hashTables(asSjis.tables)).toBe(hashTables(asUtf8.tables));
  });

  it('reads the files as Shift_JIS when told to, and reports undecodable bytes when told wrong', async () => {
    const files = {
      'demand.csv': encodeText(
        'item_code,location_code,period,quantity\n部品,東京,2027-W01,1\n',
        'shift_jis',
      ),
    };
    const forced = await collectBundle(sourcesOf(files), 'shift_jis');
    expect(forced.encodings['demand.csv']).toBe('shift_jis');
    const wrong = await collectBundle(sourcesOf(files), 'utf-8');
    expect(wrong.problems.find((p) => p.code === 'undecodable_bytes')).toMatchObject({
      file: 'demand.csv',
      row: 2,
      value: '95',
    });
  });

  it('hands rows to the sink in batches of at most 2000', async () => {
    const demand = ['item_code,location_code,period,quantity'];
    for (let i = 0; i < 4500; i++) demand.push(`ITEM-${i},L,2027-W01,${i}`);
    const result = await collectBundle(sourcesOf({ 'demand.csv': `${demand.join('\n')}\n` }, 1 << 12));
    expect(result.rowCounts.demand).toBe(4500);
    expect(Math.max(...result.batchSizes)).toBeLessThanOrEqual(2000);
  });

  it('caps the records per code and keeps the true counts', async () => {
    const demand = ['item_code,location_code,period,quantity'];
    for (let i = 0; i < 1500; i++) demand.push(`ITEM-${i},L,2027-W01,x`);
    const { problems, summary } = await collectBundle(
      sourcesOf({ 'demand.csv': `${demand.join('\n')}\n` }, 1 << 12),
    );
    expect(problems.filter((p) => p.code === 'wrong_type')).toHaveLength(1000);
    expect(summary.byCode['wrong_type']).toBe(1500);
    expect(summary.truncated).toBe(true);
  });

  it('names the closest expected column for a misspelt header, and warns about unknown files and columns', async () => {
    const { problems } = await collectBundle(
      sourcesOf({
        'Demand.CSV': 'Item_Code,location_code,period,quantity,safty_stock\n',
        'demands.csv': 'x\n',
        'plan.xlsx': 'x',
        '.DS_Store': 'x',
      }),
    );
    expect(
      problems
        .filter((p) => p.table === 'demand' || p.table === null)
        .map((p) => [p.code, p.file, p.column, p.value]),
    ).toEqual([
      ['unknown_file', 'demands.csv', null, null],
      ['unknown_file', 'plan.xlsx', null, null],
      ['missing_column', 'Demand.CSV', 'item_code', 'Item_Code'],
      ['unknown_column', 'Demand.CSV', 'safty_stock', 'safty_stock'],
    ]);
    expect(problems[0]!.message).toMatch(/did you mean 'demand.csv'/);
  });

  it('processes every table with row counts for all of them', async () => {
    const { rowCounts } = await collectBundle(sourcesOf({}));
    expect(Object.keys(rowCounts).sort()).toEqual([...TABLE_NAMES].sort());
  });
});
