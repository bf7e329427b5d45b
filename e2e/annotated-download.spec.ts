import { expect, test, type Download, type Page } from '@playwright/test';
import { encodeText } from '../packages/planner-files/src/encode-text';
import { unzipFiles } from '../packages/planner-files/src/zip-files';
import { createUser, dropFiles, readBundle, signIn, snap, switchLanguage } from './support';

// Issue 17, section 3: fix at the source. A refused bundle, or one stored with warnings,
// downloads as a zip of the planner's own files with a `problems` column on the rows that
// have problems (same encoding), and problems.csv; fixed in Excel, the same files upload
// again and the added column and file only draw notices.

const PLANNER = { username: 'annot_planner', password: 'annot-planner-password-1', role: 'planner' as const };

async function downloadZip(
  page: Page,
  button: RegExp | string,
): Promise<{ name: string; files: Map<string, Buffer> }> {
  const [download] = (await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])) as [Download, void];
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  return {
    name: download.suggestedFilename(),
    files: new Map(unzipFiles(bytes).map((file) => [file.name, Buffer.from(file.bytes)])),
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Labels of this run: a draft left by an earlier run would ask to be replaced first. */
const RUN = Date.now().toString(36);

test.beforeAll(() => {
  createUser(PLANNER);
});

test('a refused Shift_JIS bundle downloads with its problems marked, is fixed and uploads again', async ({
  page,
}) => {
  const label = `annotated_refused_${RUN}`;
  await signIn(page, PLANNER);
  await page.goto('/ui/plans/input_sets/upload');
  await page.getByRole('textbox', { name: /^Label/ }).fill(label);
  await page.getByLabel('Version id').fill('2027-W01-a');

  // demand.csv as Excel in Japan saves it: Shift_JIS, CRLF; line 3 has a negative quantity.
  const bundle = readBundle();
  const demandLines = bundle['demand.csv']!.trimEnd().split('\n');
  demandLines[2] = demandLines[2]!.replace(/,135,/, ',-135,');
  const demand = encodeText(`${demandLines.join('\r\n')}\r\n`, 'shift_jis');
  const files = {
    ...Object.fromEntries(Object.entries(bundle).map(([name, text]) => [name, utf8(text)])),
    'demand.csv': demand,
  };
  await dropFiles(page, files, /drop files here/i);
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: 'Validation failed: nothing was stored' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download with problems marked' })).toBeVisible();
  await snap(page, 'annotated-download-refused');

  const zip = await downloadZip(page, 'Download with problems marked');
  expect(zip.name).toBe(`${label}-problems-marked.zip`);
  expect([...zip.files.keys()].sort()).toEqual([...Object.keys(files), 'problems.csv'].sort());
  const marked = new TextDecoder('shift_jis', { fatal: true }).decode(zip.files.get('demand.csv')!);
  const markedLines = marked.split('\r\n');
  expect(markedLines[0]).toBe('item_code,location_code,period,quantity,uom,problems');
  expect(markedLines[1]).toBe(`${demandLines[1]},`);
  expect(markedLines[2]).toBe(`${demandLines[2]},quantity '-135' must be 0 or more.`);
  expect(zip.files.get('params.json')!.toString('utf8')).toBe(bundle['params.json']);
  const problemsCsv = zip.files.get('problems.csv')!;
  expect([...problemsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(problemsCsv.subarray(3).toString('utf8').split('\r\n').slice(0, 2)).toEqual([
    'file,row,column,severity,code,message',
    "demand.csv,3,quantity,error,out_of_range,quantity '-135' must be 0 or more.",
  ]);

  // Fixed "in Excel": the value corrected, the problems column left as it is; the same files go again.
  const fixed = encodeText(marked.replace(',-135,', ',135,'), 'shift_jis');
  const again = Object.fromEntries(
    [...zip.files].map(([name, bytes]) => [name, name === 'demand.csv' ? fixed : new Uint8Array(bytes)]),
  );
  await page.goto('/ui/plans/input_sets/upload');
  await page.getByRole('textbox', { name: /^Label/ }).fill(label);
  await page.getByLabel('Version id').fill('2027-W01-a');
  await dropFiles(page, again, /drop files here/i);
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: 'Stored as draft' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notices' })).toBeVisible();
  await expect(
    page.getByText("Column 'problems' of demand.csv holds the problems of an earlier upload; it is ignored."),
  ).toBeVisible();
  await expect(
    page.getByText('problems.csv lists the problems of an earlier upload; it is ignored.'),
  ).toBeVisible();
  // Notices are not problems to mark: no download is offered.
  await expect(page.getByRole('button', { name: 'Download with problems marked' })).toHaveCount(0);
  await snap(page, 'annotated-download-reuploaded');
});

test('in Japanese: a draft stored with a warning downloads with the warning written in Japanese', async ({
  page,
}) => {
  const label = `annotated_warning_ja_${RUN}`;
  await signIn(page, PLANNER);
  await page.goto('/ui/plans/input_sets/upload');
  await switchLanguage(page, 'ja');
  await page.getByRole('textbox', { name: /^ラベル/ }).fill(label);
  await page.getByLabel(/^バージョンID/).fill('2027-W01-w');

  // An item in inventory with neither demand nor mix: a warning on its last line; a BOM kept.
  const bundle = readBundle();
  const inventory = `\uFEFF${bundle['inventory.csv']!.trimEnd()}\n孤立-1,東京DC,5,1\n`;
  const files = {
    ...Object.fromEntries(Object.entries(bundle).map(([name, text]) => [name, utf8(text)])),
    'inventory.csv': utf8(inventory),
  };
  await dropFiles(page, files, /ここにファイルをドロップ/);
  await page.getByRole('button', { name: 'アップロードして検証' }).click();
  await expect(page.getByRole('heading', { name: /^draft として保存/ })).toBeVisible();

  const zip = await downloadZip(page, '問題を書き込んでダウンロード');
  expect(zip.name).toBe(`${label}-problems-marked.zip`);
  const marked = zip.files.get('inventory.csv')!;
  expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = marked.subarray(3).toString('utf8').split('\n');
  expect(lines[0]).toBe('item_code,location_code,on_hand,safety_stock,problems');
  expect(lines[1]).toMatch(/,$/);
  const orphanRow = lines.findIndex((line) => line.startsWith('孤立-1')) + 1;
  expect(lines[orphanRow - 1]).toMatch(
    /^孤立-1,東京DC,5,1,"?item_code: 品目「孤立-1」は inventory にありますが、demand にも mix にも行がありません。/,
  );
  // Files without problems come back byte for byte.
  expect(zip.files.get('demand.csv')!.toString('utf8')).toBe(bundle['demand.csv']);
  const problemsCsv = zip.files.get('problems.csv')!.subarray(3).toString('utf8');
  expect(problemsCsv).toContain(`inventory.csv,${orphanRow},item_code,warning,orphan_item,品目「孤立-1」`);
  await snap(page, 'annotated-download-ja');
});
