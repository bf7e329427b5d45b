const JST = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-25 15:04:05 JST`: how the runbook's operators read times (UTC is stored). */
export function formatJst(value: Date | string): string {
  return `${JST.format(new Date(value))} JST`;
}

/** ISO 8601 with the +09:00 offset, for machine-readable JST (events.json). */
export function isoJst(value: Date | string): string {
  return `${JST.format(new Date(value)).replace(' ', 'T')}+09:00`;
}
