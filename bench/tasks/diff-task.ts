import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabaseClients, type TDatabase } from '@planning-hub/server/database/connect';
import { computeDiffToCache } from '@planning-hub/server/services/diff/compute-diff';
import { diffCacheDir, diffCachePaths } from '@planning-hub/server/services/diff/diff-cache';
import {
  DIFF_AGAINST,
  DIFF_LABEL,
  countDifferingRows,
  createDiffRevisions,
  createIdenticalRevision,
} from '../diff';
import type { TStep } from '../lib/measure';
import { measureTaskRounds } from './measure-task';
import type { TTask, TTaskOptions } from './task-types';

const REF = `${DIFF_LABEL}@draft`;

/**
 * GET .../diff/rows for the first page of changed demand rows, polling every 50 ms
 * while the API answers 202 (job queued or running), as the SPA's Diff tab does.
 */
async function fetchFirstPage(api: NonNullable<TTaskOptions['api']>): Promise<number> {
  const url = `${api.baseUrl}/api/plans/input_sets/${encodeURIComponent(REF)}/diff/rows?against=${encodeURIComponent(DIFF_AGAINST)}&table=demand&kind=changed&limit=100`;
  for (;;) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${api.token}` } });
    const body = (await res.json()) as { rows?: unknown[] };
    if (res.status === 200) return body.rows?.length ?? 0;
    if (res.status !== 202)
      throw new Error(`diff rows answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    await sleep(50);
  }
}

function apiSteps(api: NonNullable<TTaskOptions['api']>): TStep[] {
  // The API's cache file of this pair; deleting it forces a recompute (docs/design.md section 6).
  const manifest = diffCachePaths(
    diffCacheDir(path.join(api.workDir, 'tmp')),
    REF,
    DIFF_AGAINST,
  ).manifestFile;
  const expectRows = async () => {
    if ((await fetchFirstPage(api)) === 0) throw new Error('the first page of changed rows is empty');
  };
  return [
    { name: 'api_first_page_cold', prepare: () => rm(manifest, { force: true }), run: expectRows },
    { name: 'api_first_page', run: expectRows },
  ];
}

/**
 * diff (bench/diff.ts's revisions: 1% changed, 0.5% added, 0.5% removed): the
 * engine into its file cache vs one FULL OUTER JOIN count; identical revisions
 * (same content hash); with the API, the first page of rows through HTTP, from a
 * cold cache (job included) and from a warm one.
 */
export const runDiffTask: TTask = async ({
  url,
  postgresPid,
  rows,
  workDir,
  warmups,
  rounds,
  api,
  diffIdentical = true,
}) => {
  const db = createDatabaseClients(url, 4);
  const { pool } = db;
  const cacheDir = path.join(workDir, 'diff-cache');
  try {
    const { older, newer } = await createDiffRevisions(pool, rows);
    if (diffIdentical) await createIdenticalRevision(pool, older);
    let differing = 0;
    let totals = {};
    const { samples, cpu } = await measureTaskRounds({ warmups, rounds, postgresPid, api }, [
      { name: 'join', run: async () => void (differing = await countDifferingRows(pool, older, newer)) },
      {
        name: 'diff',
        prepare: () => rm(cacheDir, { recursive: true, force: true }),
        run: async () => {
          const paths = diffCachePaths(cacheDir, REF, DIFF_AGAINST);
          totals = (await computeDiffToCache({ pool }, { ref: REF, against: DIFF_AGAINST, paths })).totals;
        },
      },
      ...(diffIdentical ? [identicalStep(pool, cacheDir)] : []),
      ...(api ? apiSteps(api) : []),
    ]);
    return { samples, cpu, info: { differing, totals: JSON.stringify(totals) } };
  } finally {
    // The revisions go whatever happened (10M of them are gigabytes); --huge vacuums after.
    await rm(cacheDir, { recursive: true, force: true });
    await pool.query('DELETE FROM planning_input_sets WHERE label = $1', [DIFF_LABEL]);
    await db.close();
  }
};

/** r3 against r1: the same content hash, answered without reading the tables. */
function identicalStep(pool: TDatabase['pool'], cacheDir: string): TStep {
  return {
    name: 'diff_identical',
    run: async () => {
      const paths = diffCachePaths(cacheDir, `${DIFF_LABEL}@r3`, DIFF_AGAINST);
      const manifest = await computeDiffToCache(
        { pool },
        { ref: `${DIFF_LABEL}@r3`, against: DIFF_AGAINST, paths },
      );
      if (!manifest.identical) throw new Error('r3 and r1 should be identical');
    },
  };
}
