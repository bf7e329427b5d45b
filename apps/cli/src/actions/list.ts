import type { TListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import { ANSWER_JSON_SCHEMAS } from '../api/answer-json-schemas';
import { answerByJsonSchema } from '../api/answer-schema';
import type { TQuery } from '../api/api-client';
import { printJson, runWithApi } from '../cli-runtime';
import { cliText } from '../cli-text';
import type { TListOptions } from '../commands/list';
import { LIST_DEFAULT_LIMIT } from '../commands/list-defaults';
import { formatTable, summaryRow } from '../format';
import { parseOptions } from '../options/parse-options';

/**
 * The list answer, checked without zod while it is as the contract says (answer-schema.ts):
 * with the query below, `planning list` loads neither zod nor the contracts' schemas,
 * most of what it loaded (docs/performance.md, CLI start-up).
 */
const inputSetsAnswer = answerByJsonSchema<TListInputSetsResponse>(
  ANSWER_JSON_SCHEMAS.inputSets,
  async () => (await import('@planning-hub/contracts/api/input-sets')).ZListInputSetsResponse,
);

/**
 * The query, parsed with the schema of the operation (parseOptions). With no filter and
 * the default --limit, the values are the CLI's own, which the schema accepts as they are
 * sent (test/option-parsing.test.ts): they go out unparsed, without loading the schema.
 */
async function listQuery(options: TListOptions): Promise<TQuery> {
  if (options.status === undefined && options.search === undefined && options.limit === LIST_DEFAULT_LIMIT)
    return { limit: options.limit };
  const { INPUT_SET_OPERATIONS } = await import('@planning-hub/contracts/api/operations/input-sets');
  const query = parseOptions(INPUT_SET_OPERATIONS.listInputSets.query, {
    status: ['--status', options.status],
    search: ['--search', options.search],
    limit: ['--limit', options.limit],
  });
  return { status: query.status, search: query.search, limit: query.limit };
}

export async function runList(options: TListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const result = await api.getJson(API.inputSets, inputSetsAnswer, await listQuery(options));
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
