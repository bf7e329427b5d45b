import { once } from 'node:events';
import type { Agent, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

export type THttpRequest = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** A small body, or chunks streamed as they come (the caller sets content-length). */
  body?: string | Uint8Array | AsyncIterable<Uint8Array> | undefined;
};

export type THttpResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, already gunzipped. */
  body: Readable;
};

export type THttpTransport = {
  send: (request: THttpRequest) => Promise<THttpResponse>;
  /** Drops kept-alive connections, so that the process ends at once. */
  close: () => void;
};

function isStream(body: THttpRequest['body']): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/**
 * HTTP over node:http(s) rather than the global fetch: Node 20 loads fetch's undici on
 * first use, which costs a command several hundred milliseconds of start-up on a slow
 * machine (measured: 586 ms against 204 ms for node:http, one GET).
 */
export async function createHttpTransport(baseUrl: URL): Promise<THttpTransport> {
  const http = baseUrl.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const agent: Agent = new http.Agent({ keepAlive: true });
  const gunzip = async (res: IncomingMessage): Promise<Readable> => {
    if (res.headers['content-encoding'] !== 'gzip') return res;
    const { createGunzip } = await import('node:zlib');
    const inflated = createGunzip();
    res.on('error', (error) => inflated.destroy(error));
    return res.pipe(inflated);
  };

  return {
    send: ({ method, url, headers, body }) =>
      new Promise<THttpResponse>((resolve, reject) => {
        let hasResponse = false;
        const req = http.request(url, { method, headers, agent }, (res) => {
          hasResponse = true;
          gunzip(res).then(
            (inflated) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: inflated }),
            reject,
          );
        });
        req.on('error', reject);
        if (!isStream(body)) {
          req.end(body);
          return;
        }
        const write = async () => {
          for await (const chunk of body) {
            // The server answered before reading everything (a refusal): the rest is not needed.
            if (hasResponse || req.destroyed) return;
            if (!req.write(chunk)) await once(req, 'drain');
          }
          req.end();
        };
        write().catch((error: unknown) => {
          req.destroy(error instanceof Error ? error : new Error(String(error)));
          reject(error);
        });
      }),
    close: () => agent.destroy(),
  };
}
