import path from 'node:path';
import type { Command } from 'commander';
import { exportBundleToFolder } from '@planning-hub/server/services/input-sets/export-bundle';
import { cliPrincipal } from '../actor';
import { printJson, withRuntime } from '../cli-runtime';

type TExportOptions = { label: string; output?: string; json?: boolean; actor?: string };

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write an input set back as bundle files (re-importing them gives the same content hash).')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .option('-o, --output <dir>', 'target folder (default: out/planning_inputs_<label>)')
    .option('--actor <id>', 'who the export event names (default: your OS user)')
    .option('--json', 'print the result as JSON')
    .action(async (options: TExportOptions) => {
      await withRuntime(async ({ config, db }) => {
        const outDir = path.resolve(config.workDir, options.output ?? path.join('out', `planning_inputs_${options.label}`));
        const principal = cliPrincipal();
        const { revision, files } = await exportBundleToFolder(
          { prisma: db.prisma, pool: db.pool },
          { ref: options.label, outDir, actor: options.actor ?? principal.replace(/^cli:/, ''), principal },
        );
        const result = {
          label: revision.label,
          revision: revision.revision,
          status: revision.status,
          versionId: revision.versionId,
          contentHash: revision.contentHash,
          output: outDir,
          files: files.map((f) => path.basename(f)),
        };
        if (options.json) printJson(result);
        else {
          console.log(`✓ Exported '${options.label}' (r${revision.revision}, ${revision.status}) to ${outDir}`);
          console.log(`  content hash  ${revision.contentHash}`);
          console.log(`  files         ${result.files.join(', ')}`);
          console.log(
            `Re-import with  pnpm planning import -i ${path.relative(process.cwd(), outDir) || outDir} --version-id ${revision.versionId} --label ${revision.label}`,
          );
        }
      });
    });
}
