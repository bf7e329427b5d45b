import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * One JSON answer, parsed by its contract and serialised once (docs/performance.md, "API
 * under load"): the bytes, their gzip (made on the first request that accepts it) and a
 * strong ETag of the bytes.
 */
export type TPreparedAnswer = {
  status: number;
  /** `"<sha256 of the JSON, base64url>"`; the gzip representation answers with `"<same>-gz"`. */
  etag: string;
  json: Buffer;
  gzip: () => Buffer;
};

export function prepareAnswer(status: number, body: unknown): TPreparedAnswer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  let gzip: Buffer | undefined;
  return {
    status,
    etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`,
    json,
    gzip: () => (gzip ??= gzipSync(json)),
  };
}

/**
 * Answers kept per key while their `version` holds: the version is read from the database
 * on every request (cheaply) before the answer, so a write committed after it is read
 * changes the next request's version and the answer is made again. Bounded by entries
 * and bytes (least recently used go first). Concurrent requests for the same key and
 * version wait for one answer instead of each making it; a failed one is not kept.
 */
export type TAnswerCache = {
  answer: (key: string, version: string, produce: () => Promise<TPreparedAnswer>) => Promise<TPreparedAnswer>;
};

type TEntry = { version: string; answer: Promise<TPreparedAnswer>; bytes: number };

export function createAnswerCache({
  maxEntries = 256,
  maxBytes = 32 * 1024 * 1024,
}: { maxEntries?: number; maxBytes?: number } = {}): TAnswerCache {
  const entries = new Map<string, TEntry>();
  let totalBytes = 0;

  function drop(key: string, entry: TEntry): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  }

  function evict(): void {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && totalBytes <= maxBytes) return;
      drop(key, entry);
    }
  }

  return {
    answer: (key, version, produce) => {
      const found = entries.get(key);
      if (found?.version === version) {
        // Most recently used goes last, so eviction takes the oldest first.
        entries.delete(key);
        entries.set(key, found);
        return found.answer;
      }
      if (found) drop(key, found);
      const entry: TEntry = { version, answer: produce(), bytes: 0 };
      entries.set(key, entry);
      entry.answer.then(
        (prepared) => {
          if (entries.get(key) !== entry) return;
          // The gzip made later is at most the size of the JSON: count both up front.
          entry.bytes = 2 * prepared.json.length;
          totalBytes += entry.bytes;
          evict();
        },
        () => drop(key, entry),
      );
      evict();
      return entry.answer;
    },
  };
}

/** Whether `If-None-Match` names this answer (weak comparison, RFC 9110 section 13.1.2), in either representation. */
function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.slice(1, -1);
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag || tag === `"${opaque}-gz"`;
  });
}

/**
 * Sends a prepared answer: 304 when the client holds it (If-None-Match), else its gzip
 * when the client accepts gzip, else the JSON. `private, no-cache`: a browser keeps it but
 * asks every time (the answer depends on who may read it, and may change at any write).
 */
export function sendPreparedAnswer(
  req: {
    get: (name: string) => string | undefined;
    acceptsEncodings: (...encodings: string[]) => string | false;
  },
  res: {
    status: (code: number) => unknown;
    setHeader: (name: string, value: string | number) => unknown;
    end: (chunk?: Buffer) => unknown;
  },
  prepared: TPreparedAnswer,
): void {
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (isNotModified(req.get('if-none-match'), prepared.etag)) {
    res.setHeader('ETag', prepared.etag);
    res.status(304);
    res.end();
    return;
  }
  res.status(prepared.status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const isGzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
  const bytes = isGzip ? prepared.gzip() : prepared.json;
  if (isGzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('ETag', isGzip ? `"${prepared.etag.slice(1, -1)}-gz"` : prepared.etag);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
