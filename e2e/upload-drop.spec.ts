import { expect, test } from '@playwright/test';
import { readBundle, signIn, snap } from './support';

test('a bundle dropped on the upload page is stored as a draft with a link to it', async ({ page }) => {
  await signIn(page);
  await page.goto('/ui/plans/input_sets/upload');
  await page.getByRole('textbox', { name: /^Label/ }).fill('dropped_bundle');
  await page.getByLabel('Version id').fill('2027-W01');

  // The files travel in a DataTransfer built inside the page, as a browser drag and drop delivers them.
  const files = Object.entries(readBundle()).map(([name, content]) => ({ name, content }));
  const dataTransfer = await page.evaluateHandle((entries) => {
    // Runs in the page; the e2e project is compiled without the DOM library, hence the shape spelled out.
    type TBrowserDataTransfer = { items: { add: (file: File) => unknown } };
    const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => TBrowserDataTransfer };
    const transfer = new DataTransfer();
    for (const { name, content } of entries) {
      transfer.items.add(
        new File([content], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }),
      );
    }
    return transfer;
  }, files);
  const dropZone = page.getByRole('group', { name: /drop files here/i });
  await dropZone.dispatchEvent('dragenter', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('table', { name: 'Chosen files' })).toContainText('demand.csv');
  await expect(page.getByText(`${files.length} files`)).toBeVisible();

  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: /^Stored as (draft|a draft)/ })).toBeVisible();
  const open = page.getByRole('link', { name: 'Open dropped_bundle@draft' });
  await expect(open).toHaveAttribute('href', '/ui/plans/input_sets/dropped_bundle@draft');
  await snap(page, 'upload-drop-success');

  await open.click();
  await expect(page.getByRole('heading', { level: 1, name: 'dropped_bundle' })).toBeVisible();
  await expect(page.locator('.detail-header')).toContainText('draft');
});
