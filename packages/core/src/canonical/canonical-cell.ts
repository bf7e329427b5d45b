import type { TColumnType } from '@planning-hub/contracts/tables';
import { canonicalJson } from '../json/canonical-json';
import { canonicalDecimal } from './canonical-decimal';

/**
 * The canonical text of one stored cell, whatever notation handed it over:
 * an import gives canonical text already; PostgreSQL gives NUMERIC as `100.50`,
 * BOOLEAN as `t`/`f` and JSONB with spaces and its own key order. Text that
 * does not parse is kept as is (it can only come from outside an import).
 */
export function canonicalCell(type: TColumnType, value: string | null): string | null {
  if (value === null) return null;
  switch (type) {
    case 'decimal':
      return canonicalDecimal(value) ?? value;
    case 'boolean':
      return canonicalStoredBoolean(value);
    case 'json':
      return canonicalJsonText(value);
    default:
      return value;
  }
}

function canonicalStoredBoolean(value: string): string {
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 't' || lower === '1') return 'true';
  if (lower === 'false' || lower === 'f' || lower === '0') return 'false';
  return value;
}

/** JSON text re-serialised with sorted keys and no whitespace (see json/canonical-json). */
export function canonicalJsonText(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}
