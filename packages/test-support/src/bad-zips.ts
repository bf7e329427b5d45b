/**
 * Hostile zip files, built at test time with yazl (nothing binary is committed):
 * a zip slip, an absolute path, a bomb, sizes that lie and deflate data that
 * does not inflate. yazl refuses to write unsafe names, so those are written
 * under a same-length placeholder and patched in the finished bytes.
 */
import zlib from 'node:zlib';
import yazl from 'yazl';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

export async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries))
    zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Replaces every occurrence of `from` by `to` (same byte length) in the zip's bytes: entry names in both headers. */
function patchName(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patchName needs names of the same length');
  const out = Buffer.from(zip);
  for (let at = out.indexOf(a); at !== -1; at = out.indexOf(a, at + a.length)) b.copy(out, at);
  return out;
}

/** `files` plus one entry whose name climbs out of the extraction folder (`../../evil.csv`). */
export async function zipSlip(files: Record<string, string>): Promise<Buffer> {
  return patchName(await zipOf({ ...files, 'zz/zz/evil.csv': 'pwned' }), 'zz/zz/evil.csv', '../../evil.csv');
}

/** `files` plus one entry with an absolute path (`/tmp/evil.csv`). */
export async function zipAbsolutePath(files: Record<string, string>): Promise<Buffer> {
  return patchName(await zipOf({ ...files, 'ztmp/evil.csv': 'pwned' }), 'ztmp/evil.csv', '/tmp/evil.csv');
}

/**
 * One entry `demand.csv` of `inflatedBytes` digits with honest headers: ~1 KiB per MiB
 * that inflates past the upload limit. Written by hand: yazl feeds zlib in small
 * chunks (seconds for 80 MiB), one deflateRawSync call takes a tenth of that.
 */
export function zipBomb(inflatedBytes: number): Buffer {
  const content = Buffer.alloc(inflatedBytes, 0x30);
  const data = zlib.deflateRawSync(content, { level: 9, strategy: zlib.constants.Z_RLE });
  const crc = zlib.crc32(content);
  const name = Buffer.from('demand.csv');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(20, 4); // version needed: deflate
  local.writeUInt16LE(8, 8); // method: deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(inflatedBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(CENTRAL_HEADER, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(inflatedBytes, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Every entry claims to inflate to `claimed` bytes, in the local and the central headers, whatever it holds. */
export function withLyingSizes(zip: Buffer, claimed: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === LOCAL_HEADER) out.writeUInt32LE(claimed, at + 22);
    else if (signature === CENTRAL_HEADER) out.writeUInt32LE(claimed, at + 24);
  }
  return out;
}

/** The first entry's deflate data overwritten with bytes that are no valid deflate block. */
export function withCorruptData(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const dataStart = 30 + out.readUInt16LE(26) + out.readUInt16LE(28);
  out.fill(0xff, dataStart, Math.min(dataStart + 64, out.length));
  return out;
}
