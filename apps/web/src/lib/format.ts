const JST_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * UTC timestamps are shown in Japan time, labelled: `2026-11-25 15:04 JST`
 * (DESIGN section 5). The same in both languages, so screenshots match the runbook.
 */
export function formatJst(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const part of JST_PARTS.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} JST`;
}

const COUNT = new Intl.NumberFormat('en-US');

/** Counts with thousands separators: `1,204`. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** File sizes in powers of 1024: `512 B`, `1.5 KB`, `12.0 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${BYTE_UNITS[0]}` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** A content hash is long; the first 12 hex digits identify it to a human. */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return '';
  const hex = hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
  return hex.slice(0, 12);
}
