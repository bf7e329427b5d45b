import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { BROWSER_EDIT_LIMITS } from '@planning-hub/contracts/api/input-sets';
import { AppError } from '@planning-hub/server/errors/app-error';
import { spoolSource, type TByteSource } from '@planning-hub/server/services/input-sets/bundle-sources';

export type TSpooledUpload = { fields: Record<string, string>; files: TByteSource[] };

/**
 * The longest text field: a 2000-character note is at most 6000 bytes of UTF-8 (3 bytes
 * per UTF-16 unit, which is what the contract counts); room to spare for whitespace
 * that trimming removes. Past it busboy cuts the value, which we refuse (413).
 */
export const MAX_FIELD_BYTES = 16 * 1024;
const MAX_FIELDS = 20;
/** Fields allowed to be longer: the cells edited in the browser, as JSON (BROWSER_EDIT_LIMITS). */
const LONG_FIELD_BYTES: Record<string, number> = { edits: BROWSER_EDIT_LIMITS.maxFieldBytes };
const LONGEST_FIELD_BYTES = Math.max(MAX_FIELD_BYTES, ...Object.values(LONG_FIELD_BYTES));

/** A file name as the bundle knows it: the last path segment, never a path. */
function safeFileName(raw: string): string {
  const base = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  return [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join('')
    .slice(0, 200);
}

/**
 * Streams a multipart upload to files under `dir` (never into memory) and
 * answers 413 past the size or file-count limit.
 */
export async function spoolMultipart(
  req: Request,
  { dir, maxBytes, maxFiles }: { dir: string; maxBytes: number; maxFiles: number },
): Promise<TSpooledUpload> {
  if (!req.headers['content-type']?.startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'error.upload.not_multipart', {});
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new AppError('payload_too_large', 'error.upload.declared_too_large', {
      bytes: declared,
      max: maxBytes,
    });
  }
  await mkdir(dir, { recursive: true });
  // Field names come from the client: `__proto__` must stay a name.
  const fields = Object.create(null) as Record<string, string>;
  const writes: Promise<TByteSource>[] = [];
  const parts: Readable[] = [];
  let total = 0;

  const parsed = new Promise<void>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: maxFiles,
          fields: MAX_FIELDS,
          fieldSize: LONGEST_FIELD_BYTES,
          fileSize: maxBytes,
          parts: maxFiles + MAX_FIELDS,
        },
        defParamCharset: 'utf8',
      });
    } catch (error) {
      reject(new AppError('bad_request', 'error.upload.unreadable', { detail: (error as Error).message }));
      return;
    }
    const fail = (error: unknown) => {
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      const shown = name.slice(0, 80);
      const limit = Object.hasOwn(LONG_FIELD_BYTES, name) ? LONG_FIELD_BYTES[name]! : MAX_FIELD_BYTES;
      if (info.nameTruncated)
        fail(new AppError('bad_request', 'error.upload.field_name_too_long', { name: shown }));
      else if (info.valueTruncated || Buffer.byteLength(value) > limit) {
        fail(new AppError('payload_too_large', 'error.upload.field_too_long', { name: shown, max: limit }));
      } else fields[name] = value;
    });
    parser.on('file', (_field, stream, info) => {
      const name = safeFileName(info.filename ?? '');
      if (!name) {
        stream.resume();
        return;
      }
      const target = path.join(dir, `${writes.length}-${name.replace(/[^\w.-]/g, '_')}`);
      const overBudget = (chunkBytes: number) => {
        total += chunkBytes;
        return total > maxBytes
          ? new AppError('payload_too_large', 'error.upload.too_large', { max: maxBytes })
          : null;
      };
      stream.on('limit', () =>
        fail(new AppError('payload_too_large', 'error.upload.file_too_large', { name, max: maxBytes })),
      );
      parts.push(stream);
      const write = spoolSource(name, stream, target, overBudget);
      // Settled below; a part failing before parsing ends would otherwise be an unhandled rejection, which ends the process.
      write.catch(() => {});
      writes.push(write);
    });
    parser.on('filesLimit', () =>
      fail(new AppError('payload_too_large', 'error.upload.too_many_files', { max: maxFiles })),
    );
    parser.on('fieldsLimit', () =>
      fail(new AppError('payload_too_large', 'error.upload.too_many_fields', { max: MAX_FIELDS })),
    );
    parser.on('partsLimit', () => fail(new AppError('payload_too_large', 'error.upload.too_many_parts', {})));
    parser.on('error', (error: Error) =>
      fail(new AppError('bad_request', 'error.upload.unreadable', { detail: error.message })),
    );
    parser.on('close', () => resolve());
    // A client that hangs up mid-upload: the parser would wait for the rest forever.
    req.on('close', () => {
      if (!req.complete) fail(new AppError('bad_request', 'error.upload.interrupted', {}));
    });
    req.pipe(parser);
  });
  try {
    await parsed;
  } catch (error) {
    // A cut-off or refused upload: stop the parts still being written and let their
    // writes settle before the caller removes the folder.
    for (const part of parts) part.destroy();
    await Promise.allSettled(writes);
    throw error;
  }
  const written = await Promise.allSettled(writes);
  const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed) throw failed.reason;
  // In the order the parts came.
  return { fields, files: written.map((w) => (w as PromiseFulfilledResult<TByteSource>).value) };
}
