/**
 * Made on first use, not when the module loads: a formatter of a time zone costs some 20 ms
 * of ICU data at start, which `planning list` with nothing to show need not pay
 * (docs/performance.md, CLI start-up).
 */
let jst: Intl.DateTimeFormat | undefined;

function formatInJst(date: Date): string {
  jst ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return jst.format(date);
}

/**
 * `2026-11-25 15:04:05 JST`: how the runbook's operators read times, the same in the
 * SPA, the CLI and events.json, in both languages (UTC is stored; docs/design.md
 * section 5). Empty for no time; a string that is not a time comes back unchanged.
 */
export function formatJst(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${formatInJst(date)} JST`;
}

/** ISO 8601 with the +09:00 offset, for machine-readable JST (events.json). */
export function isoJst(value: Date | string): string {
  return `${formatInJst(new Date(value)).replace(' ', 'T')}+09:00`;
}

/** The day in Japan, `2026-11-25`: evidence folder names. */
export function jstDate(value: Date | string): string {
  return formatInJst(new Date(value)).slice(0, 10);
}
