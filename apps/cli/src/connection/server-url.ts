import { CliError } from '../cli-errors';

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
    throw new CliError(`${from} '${text.slice(0, 200)}' is not a URL.`, {
      hint: 'e.g. http://127.0.0.1:8080 or https://planning-hub.example.com',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`${from} '${text.slice(0, 200)}' is not an http(s) URL.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
