/** A revision's status (docs/design.md section 4), without zod: the list page filters by it (docs/performance.md, Browser). */
export const INPUT_SET_STATUSES = ['draft', 'ready', 'archived'] as const;
export type TInputSetStatus = (typeof INPUT_SET_STATUSES)[number];
