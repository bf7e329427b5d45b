import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import type { TUploadFile } from './bundle-files';

/**
 * multipart/form-data (RFC 7578), framed here rather than with FormData or a library:
 * the framing is a few lines per part, and writing it ourselves gives what the upload
 * needs and FormData does not: the exact Content-Length before the first byte (the
 * server refuses an oversized upload at once), files streamed from disk (never whole in
 * memory) and a count of the bytes sent for the progress line.
 */
export type TMultipartBody = {
  contentType: string;
  contentLength: number;
  /** The body, one chunk at a time; `onBytes` is told how much has been handed to the connection. */
  chunks: (onBytes?: (sent: number) => void) => AsyncGenerator<Uint8Array>;
};

const CRLF = '\r\n';
const CHUNK_BYTES = 1 << 20;

/** A file name in a quoted header parameter: UTF-8 as it is, with `"` and line breaks escaped as browsers do. */
function quoteFileName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function multipartBody(fields: Record<string, string>, files: TUploadFile[]): TMultipartBody {
  const boundary = `----planning-${randomBytes(16).toString('hex')}`;
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}${value}${CRLF}`,
    ),
  );
  const fileHeads = files.map((file) =>
    Buffer.from(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="files"; filename="${quoteFileName(file.name)}"${CRLF}` +
        `Content-Type: application/octet-stream${CRLF}${CRLF}`,
    ),
  );
  const fileTail = Buffer.from(CRLF);
  const closing = Buffer.from(`--${boundary}--${CRLF}`);
  const contentLength =
    fieldParts.reduce((sum, part) => sum + part.length, 0) +
    files.reduce((sum, file, i) => sum + fileHeads[i]!.length + file.size + fileTail.length, 0) +
    closing.length;

  async function* chunks(onBytes: (sent: number) => void = () => {}): AsyncGenerator<Uint8Array> {
    let sent = 0;
    const emit = (chunk: Uint8Array) => {
      sent += chunk.length;
      onBytes(sent);
      return chunk;
    };
    for (const part of fieldParts) yield emit(part);
    for (const [i, file] of files.entries()) {
      yield emit(fileHeads[i]!);
      let read = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
        read += (chunk as Buffer).length;
        // The length was announced up front: a file that grows or shrinks now would corrupt the request.
        if (read > file.size) break;
        yield emit(chunk as Buffer);
      }
      if (read !== file.size) {
        throw new CliError(cliText('cli.error.file_changed', { path: file.path, size: file.size }));
      }
      yield emit(fileTail);
    }
    yield emit(closing);
  }

  return { contentType: `multipart/form-data; boundary=${boundary}`, contentLength, chunks };
}
