import { InvalidArgumentError } from 'commander';

/** `--expires-in 90d` (or `90`): whole days; the server says how many it allows (DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS). */
export function parseExpiresIn(value: string): number {
  const match = /^\s*([1-9][0-9]{0,3})\s*d?\s*$/i.exec(value);
  if (!match) throw new InvalidArgumentError('give whole days, e.g. 90d.');
  return Number(match[1]);
}
