import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

/**
 * A server URL as the CLI keeps it: http(s), lower-case host, no default port, no
 * trailing slash (`http://127.0.0.1:8080`, `https://hub.example.com/planning`), so that
 * a login stored for a server is found however its URL was typed.
 */
export function normalizeServerUrl(text: string, from: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(cliText('cli.error.url_invalid', { from, text: text.slice(0, 200) }), {
      hint: cliText('cli.hint.url_example', {}),
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(cliText('cli.error.url_not_http', { from, text: text.slice(0, 200) }));
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
