import { describe, expect, it } from 'vitest';
import { checkBundle, REQUIRED_TABLES, tableOfFile, uploadBlock } from './bundle-check';

const LIMITS = { maxBytes: 1000, maxFiles: 4 };
const file = (name: string, size = 10) => ({ name, size });
const complete = ['demand.csv', 'capacity.csv', 'mix.csv', 'calendar.csv', 'params.json'].map((name) =>
  file(name),
);

describe('checkBundle', () => {
  it('needs demand, capacity, mix, calendar and params', () => {
    expect(REQUIRED_TABLES).toEqual(['demand', 'capacity', 'mix', 'calendar', 'params']);
  });

  it('finds the four tables a bundle of demand.csv alone is missing, before upload', () => {
    const check = checkBundle([file('demand.csv')], { maxBytes: 1000, maxFiles: 20 });
    expect(check.kind).toBe('tables');
    expect(check.missingTables).toEqual(['capacity', 'mix', 'calendar', 'params']);
    expect(uploadBlock(check, false)).toBe('errors');
  });

  it('keeps a bundle with missing tables as a draft marked invalid when the checkbox is ticked', () => {
    expect(uploadBlock(checkBundle([file('demand.csv')], { maxBytes: 1000, maxFiles: 20 }), true)).toBeNull();
  });

  it('takes params as params.json or params.csv, and names as the server reads them', () => {
    expect(tableOfFile('params.json')).toBe('params');
    expect(tableOfFile('PARAMS.CSV')).toBe('params');
    expect(tableOfFile('Demand.csv')).toBe('demand');
    expect(tableOfFile('folder/mix.csv')).toBe('mix');
    expect(tableOfFile('input_set.json')).toBeNull();
    const check = checkBundle(complete, { maxBytes: 1000, maxFiles: 20 });
    expect(check.missingTables).toEqual([]);
    expect(check.required.find((entry) => entry.table === 'params')?.file).toBe('params.json');
    expect(uploadBlock(check, false)).toBeNull();
  });

  it('lists files the server ignores: unknown names and a second file of one table', () => {
    const check = checkBundle([...complete, file('notes.csv'), file('params.csv')], {
      maxBytes: 1000,
      maxFiles: 20,
    });
    expect(check.unknownFiles).toEqual(['notes.csv']);
    expect(check.surplusFiles).toEqual(['params.csv']);
    expect(uploadBlock(check, false)).toBeNull();
  });

  it('counts an empty file as an error the checkbox can keep', () => {
    const check = checkBundle([...complete.slice(1), file('demand.csv', 0)], {
      maxBytes: 1000,
      maxFiles: 20,
    });
    expect(check.emptyFiles).toEqual(['demand.csv']);
    expect(uploadBlock(check, false)).toBe('errors');
    expect(uploadBlock(check, true)).toBeNull();
  });

  it('refuses more files or bytes than the server takes, whatever the checkbox says', () => {
    const many = checkBundle(complete, LIMITS);
    expect(many.isTooManyFiles).toBe(true);
    expect(uploadBlock(many, true)).toBe('limits');
    const large = checkBundle([file('bundle.zip', 1001)], LIMITS);
    expect(large.isTooLarge).toBe(true);
    expect(uploadBlock(large, true)).toBe('limits');
  });

  it('cannot look inside a .zip or input_set.json: their tables are checked after upload', () => {
    const zip = checkBundle([file('bundle.zip')], LIMITS);
    expect(zip.kind).toBe('zip');
    expect(zip.missingTables).toEqual([]);
    expect(uploadBlock(zip, false)).toBeNull();
    const json = checkBundle([file('input_set.json')], LIMITS);
    expect(json.kind).toBe('bundleJson');
    expect(uploadBlock(json, false)).toBeNull();
  });

  it('sends input_set.json alone, and a .zip with other files as the API takes it', () => {
    expect(uploadBlock(checkBundle([file('input_set.json'), file('demand.csv')], LIMITS), true)).toBe(
      'selection',
    );
    expect(uploadBlock(checkBundle([file('bundle.zip'), file('demand.csv')], LIMITS), false)).toBeNull();
    expect(uploadBlock(checkBundle([], LIMITS), true)).toBe('selection');
  });
});
