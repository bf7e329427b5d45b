import { describe, expect, it } from 'vitest';
import { isSystemFile } from './system-files';

describe('isSystemFile', () => {
  it('skips the litter of macOS, Windows and Office, in folders and zips', () => {
    for (const name of [
      '.DS_Store',
      '._demand.csv',
      '__MACOSX/demand.csv',
      'bundle/__MACOSX/x',
      '~$demand.csv',
      'Thumbs.db',
      'sub\\desktop.ini',
      'THUMBS.DB',
    ]) {
      expect(isSystemFile(name), name).toBe(true);
    }
  });
  it('keeps the bundle files', () => {
    for (const name of ['demand.csv', 'bundle/demand.csv', 'input_set.json', 'my.thumbs.db.csv']) {
      expect(isSystemFile(name), name).toBe(false);
    }
  });
});
