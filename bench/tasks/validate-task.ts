import path from 'node:path';
import { processBundle } from '@planning-hub/core/bundle/process-bundle';
import { readCsvRecords } from '@planning-hub/core/csv/read-csv-records';
import { detectEncoding } from '@planning-hub/core/encoding/detect-encoding';
import { readAsUtf8 } from '@planning-hub/core/encoding/read-as-utf8';
import { fileSource, folderSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';

/**
 * Validation alone: processBundle over the folder with a sink that drops the rows
 * (decode check + parse + validate + canonicalise, no database), one thread.
 * `detect_demand` and `parse_demand` split demand.csv's share into its parts.
 */
export const runValidateTask: TTask = async ({ postgresPid, bundleDir, warmups, rounds }) => {
  let rows = 0;
  let demandRows = 0;
  const demandFile = path.join(bundleDir, 'demand.csv');
  const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid }, [
    {
      name: 'validate',
      run: async () => {
        const result = await processBundle({ files: await folderSources(bundleDir), sink: async () => {} });
        if (result.summary.errors > 0)
          throw new Error(`the bench bundle has errors: ${JSON.stringify(result.problems.slice(0, 3))}`);
        rows = Object.values(result.rowCounts).reduce((sum, n) => sum + n, 0);
        demandRows = result.rowCounts.demand;
      },
    },
    {
      name: 'detect_demand',
      run: async () => {
        const sources = await folderSources(bundleDir);
        await detectEncoding(
          sources.find((s) => s.name === 'demand.csv')!,
          'auto',
        );
      },
    },
    {
      name: 'parse_demand',
      run: async () => {
        const source = fileSource('demand.csv', demandFile, 0);
        await readCsvRecords(readAsUtf8(source, 'utf-8'), {
          onHeader: () => {},
          onRecord: () => {},
          onUnparsable: () => {},
        });
      },
    },
  ]);
  return { samples, cpu, info: { rows, demandRows } };
};
