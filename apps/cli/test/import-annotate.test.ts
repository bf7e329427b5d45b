import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '@planning-hub/test-support/bundle-files';
import { startServerWithOperator } from './support/operator-server';
import { type TCliWorkspace } from './support/planning';
import { importArgs } from './support/planning-args';
import { SAMPLE_BUNDLE_FILES } from '../../api/test/support/sample-bundle-files';

/**
 * `planning import --annotate-to <dir>` (docs/design.md section 3): the refused bundle's
 * files with a `problems` column and problems.csv, fixed and imported again as they are.
 */
let operator: TCliWorkspace;
let close: () => Promise<void>;

const BROKEN_DEMAND =
  'item_code,location_code,period,quantity,uom\r\n部品-001,東京,2027-01,-5,pcs\r\n部品-001,東京,2027-02,80,pcs\r\n';

beforeAll(async () => ({ operator, close } = await startServerWithOperator()));
afterAll(() => close?.());

describe('planning import --annotate-to', () => {
  const marked = () => path.join(operator.cwd, 'marked');

  it('writes the refused files with their problems, and problems.csv, and says where', async () => {
    const dir = await writeBundle({ 'demand.csv': BROKEN_DEMAND });
    const result = await operator.planning(
      ...importArgs(dir, 'v1', 'annotated', '--annotate-to', 'marked', '--lang', 'en'),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`marked        marked: 1 file(s) with a "problems" column`);
    expect((await readdir(marked())).sort()).toEqual([...SAMPLE_BUNDLE_FILES, 'problems.csv'].sort());
    const demand = await readFile(path.join(marked(), 'demand.csv'), 'utf8');
    expect(demand.split('\r\n')).toEqual([
      'item_code,location_code,period,quantity,uom,problems',
      "部品-001,東京,2027-01,-5,pcs,quantity '-5' must be 0 or more.",
      '部品-001,東京,2027-02,80,pcs,',
      '',
    ]);
    expect(await readFile(path.join(marked(), 'mix.csv'), 'utf8')).toBe(
      await readFile(path.join(dir, 'mix.csv'), 'utf8'),
    );
    const problems = await readFile(path.join(marked(), 'problems.csv'), 'utf8');
    expect(problems).toContain(
      '\uFEFFfile,row,column,severity,code,message\r\ndemand.csv,2,quantity,error,out_of_range,',
    );
  });

  it('imports the fixed files as they are: the problems column and problems.csv only draw notices', async () => {
    const file = path.join(marked(), 'demand.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace(',-5,', ',5,'));
    const result = await operator.planning(...importArgs(marked(), 'v1', 'annotated', '--lang', 'en'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 'annotated' as draft r1");
    expect(result.stdout).toContain('0 error(s), 0 warning(s)');
    expect(result.stdout).toContain(
      "notice  demand.csv, row 1, column problems: Column 'problems' of demand.csv holds the problems of an earlier upload; it is ignored.",
    );
  });

  it('refuses to write over the input files themselves, before uploading', async () => {
    const result = await operator.planning(
      ...importArgs(marked(), 'v2', 'annotated', '--annotate-to', marked()),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`--annotate-to ${marked()} would overwrite the input file`);
  });

  it('writes nothing when there is nothing to mark', async () => {
    const dir = await writeBundle();
    const result = await operator.planning(
      ...importArgs(dir, 'v3', 'clean', '--annotate-to', 'clean-marked', '--lang', 'en'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to mark');
    await expect(readdir(path.join(operator.cwd, 'clean-marked'))).rejects.toThrow();
  });
});
