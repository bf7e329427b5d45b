import { FIELD_LIMITS } from '@planning-hub/contracts/field-limits';
import { LABEL_PATTERN, ZVersionId } from '@planning-hub/contracts/labels';
import { UPLOAD_ENCODINGS, type TUploadEncoding } from '@planning-hub/contracts/api/upload-limits';

/** The id of "Keep as a draft even if it has errors": a refused upload's hint leads to it. */
export const ALLOW_INVALID_ID = 'upload-allow-invalid';

/** The encodings the upload's `encoding` field takes, as the contract lists them. */
export const ENCODINGS = UPLOAD_ENCODINGS;
export type TEncoding = TUploadEncoding;

export type TLabelIssue = 'required' | 'tooLong' | 'badStart' | 'badCharacters';

/**
 * Why a label breaks `^[a-z0-9][a-z0-9._-]{0,62}$`, as specifically as we can say,
 * so the inline message tells the user what to change.
 */
export function checkLabel(label: string): TLabelIssue | null {
  if (label.length === 0) return 'required';
  if (LABEL_PATTERN.test(label)) return null;
  if (label.length > FIELD_LIMITS.label) return 'tooLong';
  if (!/^[a-z0-9]/.test(label)) return 'badStart';
  return 'badCharacters';
}

/** Characters a label may not contain, each listed once, for the inline message. */
export function invalidLabelCharacters(label: string): string[] {
  return [...new Set([...label].filter((char) => !/[a-z0-9._-]/.test(char)))];
}

export type TVersionIdIssue = 'required' | 'invalid';

export function checkVersionId(versionId: string): TVersionIdIssue | null {
  if (versionId.trim().length === 0) return 'required';
  return ZVersionId.safeParse(versionId).success ? null : 'invalid';
}
