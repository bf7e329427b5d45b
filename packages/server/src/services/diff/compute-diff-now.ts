import type pg from 'pg';
import type { PrismaClient } from '../../generated/prisma/client';
import { computeDiffToCache } from './compute-diff';
import { diffCachePaths, type TDiffCachePaths, type TDiffManifest } from './diff-cache';
import { resolveDiffPair } from './request-diff';

/**
 * The diff computed synchronously, for `planning export --diff-against`: the same
 * engine and the same cache file as the background job, so the Diff tab picks it up.
 */
export async function computeDiffNow(
  deps: { prisma: Pick<PrismaClient, 'inputSet'>; pool: pg.Pool; cacheDir: string },
  { ref, against }: { ref: string; against?: string | undefined },
): Promise<{ manifest: TDiffManifest; paths: TDiffCachePaths }> {
  const pair = await resolveDiffPair(deps, { ref, against });
  const paths = diffCachePaths(deps.cacheDir, pair.ref, pair.against);
  const manifest = await computeDiffToCache(deps, { ref: pair.ref, against: pair.against, paths });
  return { manifest, paths };
}
