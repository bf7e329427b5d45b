/**
 * The lengths of what people type, in characters: the API's schemas refuse more and
 * the SPA's inputs stop there (docs/design.md sections 4 and 8). One place for both.
 */
export const FIELD_LIMITS = {
  /** `^[a-z0-9][a-z0-9._-]{0,62}$` */
  label: 63,
  versionId: 128,
  reviewerId: 128,
  reviewComment: 2000,
  uploadNote: 2000,
  runNote: 4000,
  planName: 128,
} as const;
