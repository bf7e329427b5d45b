import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@planning-hub/server/errors/app-error';
import { fileSource, type TByteSource } from '@planning-hub/server/services/input-sets/bundle-sources';

export type TSpooledUpload = { fields: Record<string, string>; files: TByteSource[] };

/** A file name as the bundle knows it: the last path segment, never a path. */
function safeFileName(raw: string): string {
  const base = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  return [...base].filter((ch) => ch.charCodeAt(0) >= 0x20).join('').slice(0, 200);
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
    throw new AppError('bad_request', { message: 'Send the bundle as multipart/form-data with one or more "files" parts.' });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new AppError('payload_too_large', { message: `The upload is ${declared} bytes; the limit is ${maxBytes}.` });
  }
  await mkdir(dir, { recursive: true });
  const fields: Record<string, string> = {};
  const files: TByteSource[] = [];
  const writes: Promise<void>[] = [];
  const parts: Readable[] = [];
  let total = 0;

  const parsed = new Promise<void>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: maxFiles, fields: 20, fieldSize: 4096, fileSize: maxBytes, parts: maxFiles + 20 },
        defParamCharset: 'utf8',
      });
    } catch (error) {
      reject(new AppError('bad_request', { message: `Unreadable multipart request: ${(error as Error).message}` }));
      return;
    }
    const fail = (error: unknown) => {
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_field, stream, info) => {
      const name = safeFileName(info.filename ?? '');
      if (!name) {
        stream.resume();
        return;
      }
      const target = path.join(dir, `${files.length}-${name.replace(/[^\w.-]/g, '_')}`);
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          total += chunk.length;
          if (total > maxBytes) done(new AppError('payload_too_large', { message: `The upload exceeds ${maxBytes} bytes.` }));
          else done(null, chunk);
        },
      });
      stream.on('limit', () => fail(new AppError('payload_too_large', { message: `'${name}' exceeds ${maxBytes} bytes.` })));
      const source = fileSource(name, target, 0);
      files.push(source);
      parts.push(stream);
      const write = pipeline(stream, meter, createWriteStream(target)).then(() => {
        source.size = size;
      });
      // Settled below; a part failing before parsing ends would otherwise be an unhandled rejection, which ends the process.
      write.catch(() => {});
      writes.push(write);
    });
    parser.on('filesLimit', () =>
      fail(new AppError('payload_too_large', { message: `Send at most ${maxFiles} files in one upload.` })),
    );
    parser.on('partsLimit', () => fail(new AppError('payload_too_large', { message: 'Too many parts in the upload.' })));
    parser.on('error', (error: Error) => fail(new AppError('bad_request', { message: `Unreadable multipart request: ${error.message}` })));
    parser.on('close', () => resolve());
    // A client that hangs up mid-upload: the parser would wait for the rest forever.
    req.on('close', () => {
      if (!req.complete) fail(new AppError('bad_request', { message: 'The upload was interrupted before it was complete.' }));
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
  return { fields, files };
}
