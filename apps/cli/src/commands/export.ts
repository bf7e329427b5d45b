import path from 'node:path';
import type { Command } from 'commander';
import { diffCacheDir } from '@planning-hub/server/services/diff/diff-cache';
import { computeDiffNow } from '@planning-hub/server/services/diff/compute-diff-now';
import { exportBundleToFolder } from '@planning-hub/server/services/input-sets/export-bundle';
import { cliPrincipal } from '../actor';
import { printJson, withRuntime } from '../cli-runtime';
import { formatDiffSummary, printDiffJson } from '../format-diff';

type TExportOptions = { label: string; output?: string; json?: boolean; actor?: string; diffAgainst?: string };

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write an input set back as bundle files (re-importing them gives the same content hash).')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .option('-o, --output <dir>', 'target folder (default: out/planning_inputs_<label>)')
    .option(
      '--diff-against <ref>',
      'compare --label with this revision instead (runbook section 6): prints the per-table summary and writes ' +
        'tmp/input_set_diffs/<label>__<against>.json, the cache the Diff tab reads. Writes no bundle files unless -o is given too.',
    )
    .option('--actor <id>', 'who the export event names (default: your OS user)')
    .option('--json', 'print the result as JSON (with --diff-against: the whole diff, rows included)')
    .action(async (options: TExportOptions) => {
      await withRuntime(async ({ config, db }) => {
        const deps = { prisma: db.prisma, pool: db.pool };
        const principal = cliPrincipal();
        const shouldExport = options.diffAgainst === undefined || options.output !== undefined;
        let exported: Record<string, unknown> | undefined;
        if (shouldExport) {
          const outDir = path.resolve(config.workDir, options.output ?? path.join('out', `planning_inputs_${options.label}`));
          const { revision, files } = await exportBundleToFolder(deps, {
            ref: options.label,
            outDir,
            actor: options.actor ?? principal.replace(/^cli:/, ''),
            principal,
          });
          exported = {
            label: revision.label,
            revision: revision.revision,
            status: revision.status,
            versionId: revision.versionId,
            contentHash: revision.contentHash,
            output: outDir,
            files: files.map((f) => path.basename(f)),
          };
          if (options.diffAgainst === undefined && options.json) printJson(exported);
          else if (!options.json) {
            console.log(`✓ Exported '${options.label}' (r${revision.revision}, ${revision.status}) to ${outDir}`);
            console.log(`  content hash  ${revision.contentHash}`);
            console.log(`  files         ${(exported.files as string[]).join(', ')}`);
            console.log(
              `Re-import with  pnpm planning import -i ${path.relative(process.cwd(), outDir) || outDir} --version-id ${revision.versionId} --label ${revision.label}`,
            );
          }
        }
        if (options.diffAgainst !== undefined) {
          const { manifest, paths } = await computeDiffNow(
            { ...deps, cacheDir: diffCacheDir(config.tmpDir) },
            { ref: options.label, against: options.diffAgainst },
          );
          if (options.json) await printDiffJson(manifest, paths, exported ? { export: exported } : {});
          else console.log(formatDiffSummary(manifest, path.relative(process.cwd(), paths.manifestFile) || paths.manifestFile));
        }
      });
    });
}
