/**
 * Summarises a V8 CPU profile (`pnpm bench --cpu-prof` writes them to bench/data/profiles):
 * self time by function and by source file, the top entries of each.
 *
 *   npx tsx bench/profile-summary.ts bench/data/profiles/import-1000000.cpuprofile [--top 25]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

type TNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type TProfile = {
  nodes: TNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type TProfileSummary = {
  totalMs: number;
  byFunction: { name: string; selfMs: number; share: number }[];
  byFile: { file: string; selfMs: number; share: number }[];
};

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const nodeModules = clean.lastIndexOf('node_modules/');
  if (nodeModules !== -1) {
    const rest = clean.slice(nodeModules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const packages = clean.indexOf('/packages/');
  return packages !== -1 ? clean.slice(packages + 1) : path.basename(clean);
}

export function summarizeProfile(profile: TProfile, top = 20): TProfileSummary {
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const file = shortUrl(node.callFrame.url);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${file}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const rank = <K extends string>(map: Map<string, number>, key: K) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, us]) =>
          ({
            [key]: k,
            selfMs: Math.round(us / 1000),
            share: Math.round((us / total) * 1000) / 10,
          }) as Record<K, string> & { selfMs: number; share: number },
      );
  return {
    totalMs: Math.round(total / 1000),
    byFunction: rank(byFunction, 'name'),
    byFile: rank(byFile, 'file'),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '20' } },
  });
  if (positionals.length === 0)
    throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top n]');
  for (const file of positionals) {
    const summary = summarizeProfile(
      JSON.parse(await readFile(file, 'utf8')) as TProfile,
      Number(values.top),
    );
    console.log(`${file}: ${summary.totalMs} ms sampled`);
    console.log('  self time by function');
    for (const f of summary.byFunction)
      console.log(`    ${String(f.selfMs).padStart(7)} ms ${f.share.toFixed(1).padStart(5)}%  ${f.name}`);
    console.log('  self time by file / package');
    for (const f of summary.byFile)
      console.log(`    ${String(f.selfMs).padStart(7)} ms ${f.share.toFixed(1).padStart(5)}%  ${f.file}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
