import type { TCliMessageCode, TMessageParams } from '@planning-hub/contracts/messages/catalog';
import { formatMessage } from '@planning-hub/contracts/messages/format-message';
import { cliLanguage } from './cli-language';

/** One of the CLI's sentences (packages/contracts/src/messages), in its language. */
export function cliText<TCode extends TCliMessageCode>(code: TCode, params: TMessageParams<TCode>): string {
  return formatMessage(cliLanguage(), code, params);
}
