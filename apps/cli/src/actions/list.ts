import { ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import { printJson, runWithApi } from '../cli-runtime';
import { cliText } from '../cli-text';
import type { TListOptions } from '../commands/list';
import { formatTable, summaryRow } from '../format';
import { parseOptions } from '../options/parse-options';

export async function runList(options: TListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const query = parseOptions(INPUT_SET_OPERATIONS.listInputSets.query, {
      status: ['--status', options.status],
      search: ['--search', options.search],
      limit: ['--limit', options.limit],
    });
    const result = await api.getJson(API.inputSets, ZListInputSetsResponse, {
      status: query.status,
      search: query.search,
      limit: query.limit,
    });
    if (options.json) return printJson(result);
    if (result.items.length === 0) {
      console.log(
        options.status
          ? cliText('cli.list.none_with_status', { status: options.status })
          : cliText('cli.list.none', {}),
      );
      return;
    }
    console.log(
      formatTable(
        ['REF', 'STATUS', 'REV', 'VERSION', 'DEMAND ROWS', 'CHECKS', 'UPDATED', 'APPROVED BY'],
        result.items.map((s) => summaryRow(s, formatJst)),
      ),
    );
    if (result.total > result.items.length)
      console.log(cliText('cli.list.partial', { shown: result.items.length, total: result.total }));
  });
}
