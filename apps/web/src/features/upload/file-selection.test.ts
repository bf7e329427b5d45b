import { describe, expect, it } from 'vitest';
import { checkSelection, fileKind, mergeFiles } from './file-selection';

const named = (name: string, size = 1) => ({ name, size });

describe('fileKind', () => {
  it('reads the extension, ignoring case', () => {
    expect(fileKind('DEMAND.CSV')).toBe('csv');
    expect(fileKind('bundle.zip')).toBe('zip');
    expect(fileKind('input_set.json')).toBe('json');
    expect(fileKind('notes.txt')).toBeNull();
  });
});

describe('mergeFiles', () => {
  it('replaces a file chosen again under the same name', () => {
    const merged = mergeFiles([named('demand.csv', 1), named('mix.csv')], [named('demand.csv', 2)]);
    expect(merged.map((f) => [f.name, f.size])).toEqual([
      ['demand.csv', 2],
      ['mix.csv', 1],
    ]);
  });
});

describe('checkSelection', () => {
  it('needs at least one file', () => {
    expect(checkSelection([])).toBe('empty');
  });

  it('takes several CSV files with a params.json', () => {
    expect(checkSelection([named('demand.csv'), named('mix.csv'), named('params.json')])).toBeNull();
  });

  it('takes a .zip or an input_set.json alone', () => {
    expect(checkSelection([named('bundle.zip')])).toBeNull();
    expect(checkSelection([named('input_set.json')])).toBeNull();
    // The API unpacks zips beside the other files: a zip plus CSVs is one bundle.
    expect(checkSelection([named('bundle.zip'), named('demand.csv')])).toBeNull();
    expect(checkSelection([named('input_set.json'), named('demand.csv')])).toBe('bundleJsonNotAlone');
  });
});
