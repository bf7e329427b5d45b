import type { Command } from 'commander';
import { ZInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import { formatJst } from '@planning-hub/core/time/format-jst';
import { listInputSets } from '@planning-hub/server/services/input-sets/read-input-sets';
import { printJson, withRuntime } from '../cli-runtime';
import { formatTable, summaryRow } from '../format';

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('List input set revisions with their exact references (newest first).')
    .option('--status <status>', 'draft, ready or archived')
    .option('--search <text>', 'part of a label or version id')
    .option('--limit <n>', 'at most this many', '200')
    .option('--json', 'print JSON ({items, total})')
    .action(async (options: { status?: string; search?: string; limit: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const status = options.status === undefined ? undefined : ZInputSetStatus.parse(options.status);
        const result = await listInputSets(
          { prisma: db.prisma },
          { status, search: options.search, limit: Math.min(1000, Math.max(1, Number(options.limit) || 200)), offset: 0 },
        );
        if (options.json) return printJson(result);
        if (result.items.length === 0) {
          console.log(status ? `No ${status} input sets.` : 'No input sets yet. Import one with: pnpm planning import -i <dir> --version-id <id> --label <label>');
          return;
        }
        console.log(
          formatTable(
            ['REF', 'STATUS', 'REV', 'VERSION', 'DEMAND ROWS', 'CHECKS', 'UPDATED', 'APPROVED BY'],
            result.items.map((s) => summaryRow(s, formatJst)),
          ),
        );
        if (result.total > result.items.length) console.log(`(${result.items.length} of ${result.total})`);
      });
    });
}
