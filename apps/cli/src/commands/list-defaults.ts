/**
 * `--limit` of `planning list` when none is given, apart from commands/list.ts so that the
 * action (actions/list.ts, which sends it unparsed) does not pull commander into a chunk of its own.
 */
export const LIST_DEFAULT_LIMIT = '200';
