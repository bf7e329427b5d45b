/**
 * What one upload may hold (docs/design.md section 9: 413 past them): the server's defaults
 * of UPLOAD_MAX_BYTES and UPLOAD_MAX_FILES. The SPA checks a selection against them
 * before sending it; the server's configured limits stay the final word (413).
 */
export const UPLOAD_LIMITS = {
  /** 1 GiB: the whole request, every file together. */
  maxBytes: 1024 * 1024 * 1024,
  /** Files in one upload (a .zip counts its entries too). */
  maxFiles: 20,
} as const;

/**
 * The encodings an upload may name in its `encoding` field (`auto` detects UTF-8, UTF-8 with
 * a BOM or Shift_JIS). Plain data, no zod: the CLI's option parsing reads it at start-up.
 */
export const UPLOAD_ENCODINGS = ['auto', 'utf-8', 'shift_jis'] as const;
export type TUploadEncoding = (typeof UPLOAD_ENCODINGS)[number];
