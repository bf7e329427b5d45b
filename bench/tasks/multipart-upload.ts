import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

type TPart = { head: string; file?: string; size: number };

/**
 * POSTs every file of `dir` as multipart/form-data, streamed from disk (never
 * held whole), with a Content-Length computed up front as a browser would send it.
 * Resolves with the status and the response body.
 */
export async function uploadFolder({
  url,
  token,
  dir,
  fields,
}: {
  url: string;
  token: string;
  dir: string;
  fields: Record<string, string>;
}): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(12).toString('hex')}`;
  const parts: TPart[] = Object.entries(fields).map(([name, value]) => ({
    head: `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    size: 0,
  }));
  for (const name of (await readdir(dir)).filter((f) => !f.startsWith('.')).sort()) {
    const file = path.join(dir, name);
    parts.push({
      head: `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      file,
      size: (await stat(file)).size,
    });
  }
  const tail = `--${boundary}--\r\n`;
  const length =
    parts.reduce((sum, p) => sum + Buffer.byteLength(p.head) + p.size + (p.file ? 2 : 0), 0) +
    Buffer.byteLength(tail);

  const req = request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(length),
    },
  });
  const response = once(req, 'response') as Promise<[IncomingMessage]>;
  response.catch(() => {});
  for (const part of parts) {
    if (!req.write(part.head)) await once(req, 'drain');
    if (!part.file) continue;
    for await (const chunk of createReadStream(part.file, { highWaterMark: 1 << 20 })) {
      if (!req.write(chunk)) await once(req, 'drain');
    }
    if (!req.write('\r\n')) await once(req, 'drain');
  }
  req.end(tail);
  const [res] = await response;
  let body = '';
  res.setEncoding('utf8');
  for await (const chunk of res) body += chunk as string;
  return { status: res.statusCode ?? 0, body };
}
