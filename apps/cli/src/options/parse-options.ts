import type { z } from 'zod';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

/**
 * Each field of a request with the option that fills it and its value: `{ limit: ['--limit', '50'] }`;
 * a value converted for a JSON body carries the text as typed too: `['--id', 7, '7']`.
 */
export type TOptionFields = Record<string, readonly [option: string, value: unknown, typed?: string]>;

const shown = (value: unknown) => String(value).slice(0, 80);

/** One sentence for the first issue, naming the option; for enums the values it allows. */
function describeIssue(issue: z.core.$ZodIssue, option: string, value: unknown): string {
  const text = shown(value);
  switch (issue.code) {
    case 'invalid_value':
      return cliText('cli.error.option_choice', {
        option,
        value: text,
        allowed: issue.values.map(String).join(', '),
      });
    case 'invalid_type':
      if (issue.expected === 'int') return cliText('cli.error.option_not_whole', { option, value: text });
      if (issue.expected === 'number') return cliText('cli.error.option_not_number', { option, value: text });
      break;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int')
        return cliText('cli.error.option_too_big', { option, value: text, maximum: String(issue.maximum) });
      if (issue.origin === 'string')
        return cliText('cli.error.option_too_long', { option, maximum: String(issue.maximum) });
      break;
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int')
        return cliText('cli.error.option_too_small', { option, value: text, minimum: String(issue.minimum) });
      if (issue.origin === 'string') return cliText('cli.error.option_empty', { option });
      break;
    default:
      break;
  }
  // The schema's own words (a pattern, a rule across fields) stay as the contracts wrote them (docs/design.md section 8).
  return cliText('cli.error.option_invalid', { option, value: text, detail: issue.message });
}

/**
 * A command's options parsed with the schema its operation declares for the query or body
 * (packages/contracts/src/api/operations), in the command's action and before anything is
 * sent: the server would refuse the same values, but later and less precisely. A refused
 * value is a CliError naming the option (`--limit: 5000 is more than 1000.`), exit code 1
 * as for commander's own usage errors. The schema's defaults and transforms apply.
 */
export function parseOptions<TSchema extends z.ZodType>(
  schema: TSchema,
  fields: TOptionFields,
): z.output<TSchema> {
  const input = Object.fromEntries(Object.entries(fields).map(([name, [, value]]) => [name, value]));
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = fields[String(issue.path[0] ?? '')];
  // A rule across fields (`one of --prefix or --id`) names all the options it read.
  const option =
    field?.[0] ??
    Object.values(fields)
      .map(([name]) => name)
      .join(', ');
  throw new CliError(describeIssue(issue, option, field?.[2] ?? field?.[1] ?? ''));
}

/** One option parsed with one schema of the contracts (a label, a reference), refused as parseOptions refuses. */
export function parseOption<TSchema extends z.ZodType>(
  schema: TSchema,
  option: string,
  value: unknown,
): z.output<TSchema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(describeIssue(parsed.error.issues[0]!, option, value));
}
