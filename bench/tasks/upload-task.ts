import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { clearDraftRows } from './bench-tables';
import { importFolder } from './import-task';
import { uploadFolder } from './multipart-upload';
import { measureTaskRounds } from './measure-task';
import type { TTask } from './task-types';

const run = promisify(execFile);

const UPLOAD_LABEL = 'bench_upload';
const CLI_LABEL = 'bench_cli';
const DIRECT_LABEL = 'bench_direct';

/**
 * upload: the bundle's files streamed as multipart to POST /api/plans/input_sets/{label}/upload
 * (the API in its own process), and `bin/planning import` of the same folder through that
 * API, each against importBundle called directly on the folder (what the CLI did before it
 * went through the API), alternating.
 */
export const runUploadTask: TTask = async ({
  home,
  url,
  postgresPid,
  bundleDir,
  workDir,
  warmups,
  rounds,
  api,
}) => {
  if (!api) throw new Error('the upload task needs the API');
  const cliHome = path.join(workDir, 'cli-home');
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  try {
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid, api }, [
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
        name: 'cli_api',
        prepare: () => clearDraftRows(pool, CLI_LABEL),
        run: async () => {
          // As an operator runs it: a fresh process, the folder streamed to the API with a token.
          await mkdir(cliHome, { recursive: true });
          await run(
            process.execPath,
            [
              path.join(home, 'bin', 'planning'),
              'import',
              '-i',
              bundleDir,
              '--version-id',
              'bench',
              '--label',
              CLI_LABEL,
            ],
            {
              cwd: cliHome,
              env: {
                ...process.env,
                HOME: cliHome,
                PLANNING_HUB_URL: api.baseUrl,
                PLANNING_HUB_TOKEN: api.token,
              },
            },
          );
        },
      },
      {
        name: 'direct_import',
        prepare: () => clearDraftRows(pool, DIRECT_LABEL),
        run: () => importFolder(pool, bundleDir, DIRECT_LABEL),
      },
    ]);
    // Only bench_import's rows stay for the tasks after this one.
    for (const label of [UPLOAD_LABEL, CLI_LABEL, DIRECT_LABEL]) await clearDraftRows(pool, label);
    return { samples, cpu };
  } finally {
    await db.close();
  }
};
