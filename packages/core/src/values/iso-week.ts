const DAY_MS = 86_400_000;

/** The ISO week period (`YYYY-Www`) a UTC date falls in: the week of its Thursday. */
export function isoWeekOf(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday starting ISO week `week` of ISO year `year`, as a UTC date. */
export function mondayOfIsoWeek(year: number, week: number): Date {
  const januaryFourth = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeekOne = Date.UTC(year, 0, 4 - ((januaryFourth.getUTCDay() + 6) % 7));
  return new Date(mondayOfWeekOne + (week - 1) * 7 * DAY_MS);
}
