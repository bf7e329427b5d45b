import { createDatabaseClients } from '../../packages/server/src/database/connect';
import { createCpuProbe } from '../lib/cpu-time';
import { measureRounds } from '../lib/measure';
import { clearDraftRows } from './bench-tables';
import { importFolder } from './import-task';
import { uploadFolder } from './multipart-upload';
import type { TTask } from './task-types';

const UPLOAD_LABEL = 'bench_upload';
const CLI_LABEL = 'bench_cli';

/**
 * upload: the bundle's files streamed as multipart to POST /api/plans/input_sets/{label}/upload
 * (the API in its own process) vs the CLI's import of the same folder, alternating.
 */
export const runUploadTask: TTask = async ({ url, postgresPid, bundleDir, warmups, rounds, api }) => {
  if (!api) throw new Error('the upload task needs the API');
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  try {
    const { samples, cpu } = await measureRounds({
      warmups,
      rounds,
      probe: createCpuProbe({ postgresPid, apiPid: api?.pid }),
      log: console.log,
      steps: [
        {
          name: 'upload',
          prepare: () => clearDraftRows(pool, UPLOAD_LABEL),
          run: async () => {
            const { status, body } = await uploadFolder({
              url: `${api.baseUrl}/api/plans/input_sets/${UPLOAD_LABEL}/upload`,
              token: api.token,
              dir: bundleDir,
              fields: { version_id: 'bench' },
            });
            if (status !== 201) throw new Error(`upload answered ${status}: ${body.slice(0, 500)}`);
          },
        },
        {
          name: 'cli_import',
          prepare: () => clearDraftRows(pool, CLI_LABEL),
          run: () => importFolder(pool, bundleDir, CLI_LABEL),
        },
      ],
    });
    // Only bench_import's rows stay for the tasks after this one.
    await clearDraftRows(pool, UPLOAD_LABEL);
    await clearDraftRows(pool, CLI_LABEL);
    return { samples, cpu };
  } finally {
    await db.close();
  }
};
