/**
 * Bundles of realistic size for the availability tests, generated in memory (core's
 * generateBundle): `demandRows` demand rows and the other tables at the usual ratios.
 */
import type pg from 'pg';
import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { createMemoryByteSource, type TByteSource } from '@planning-hub/core/bytes/byte-source';
import { formatCsvHeader, formatTableRow } from '@planning-hub/core/csv/format-csv-row';
import { generateBundle, type TGeneratedTable } from '@planning-hub/core/generate/generate-bundle';
import { systemActor } from '@planning-hub/server/services/auth/actor';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';

/** File name -> CSV text (and params.json) of a generated bundle. */
export function generatedBundleFiles(demandRows: number, seed = 1): Record<string, string> {
  const bundle = generateBundle({ demandRows, seed });
  const files: Record<string, string> = { 'params.json': JSON.stringify(bundle.params) };
  for (const [table, rows] of Object.entries(bundle.tables) as [
    TGeneratedTable,
    () => Generator<Record<string, string | null>>,
  ][]) {
    const lines = [formatCsvHeader(table)];
    for (const row of rows()) lines.push(formatTableRow(table, row));
    files[TABLE_SPECS[table].file] = `${lines.join('\n')}\n`;
  }
  return files;
}

export function generatedBundleSources(demandRows: number, seed = 1): TByteSource[] {
  return Object.entries(generatedBundleFiles(demandRows, seed)).map(([name, text]) =>
    createMemoryByteSource(name, text, 1 << 20),
  );
}

/** A ready revision of `label` holding a generated bundle, imported and approved through the services. */
export async function importGeneratedReadySet(
  pool: pg.Pool,
  label: string,
  demandRows: number,
): Promise<TImportReport> {
  const report = await importBundle(
    { pool },
    {
      label,
      versionId: `generated-${demandRows}`,
      files: generatedBundleSources(demandRows),
      encoding: 'auto',
      allowInvalid: false,
      actor: systemActor('generator'),
      entrypoint: 'cli',
      sourceKind: 'folder',
    },
  );
  if (!report.stored)
    throw new Error(`generated bundle not stored: ${JSON.stringify(report.problems.slice(0, 3))}`);
  await approveDraft({
    pool,
    ref: `${label}@draft`,
    comment: 'generated',
    acknowledgeWarnings: true,
    actor: systemActor('generator'),
  });
  return report;
}
