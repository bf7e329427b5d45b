import { z } from 'zod';
import { FIELD_LIMITS } from './field-limits';

/** docs/design.md section 4: safe in paths and URLs. */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const ZLabel = z
  .string()
  .trim()
  .max(FIELD_LIMITS.label)
  .regex(
    LABEL_PATTERN,
    'A label is 1-63 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit.',
  );

/** `foo` (the ready revision), `foo@draft`, or `foo@r3`. */
export const REF_PATTERN = /^([a-z0-9][a-z0-9._-]{0,62})(?:@(draft|r[1-9][0-9]{0,8}))?$/;

export const ZInputSetRef = z
  .string()
  .trim()
  .max(74)
  .regex(REF_PATTERN, 'A reference is a label, label@draft or label@rN (for example weekly_refresh@r3).');

export type TInputSetRef =
  | { label: string; kind: 'ready' }
  | { label: string; kind: 'draft' }
  | { label: string; kind: 'revision'; revision: number };

export function parseInputSetRef(text: string): TInputSetRef | null {
  const match = REF_PATTERN.exec(text);
  if (!match) return null;
  const [, label, suffix] = match as unknown as [string, string, string | undefined];
  if (suffix === undefined) return { label, kind: 'ready' };
  if (suffix === 'draft') return { label, kind: 'draft' };
  return { label, kind: 'revision', revision: Number(suffix.slice(1)) };
}

export function formatInputSetRef(ref: TInputSetRef): string {
  if (ref.kind === 'ready') return ref.label;
  if (ref.kind === 'draft') return `${ref.label}@draft`;
  return `${ref.label}@r${ref.revision}`;
}

export const ZVersionId = z
  .string()
  .trim()
  .min(1)
  .max(FIELD_LIMITS.versionId)
  .regex(/^[\p{L}\p{N}_.:/-]+$/u, 'A version id is 1-128 letters, digits and _ . : / -.');
