import { canonicalDecimal } from '../canonical/canonical-decimal';
import { compareUtf8 } from '../canonical/compare-utf8';

export const YEAR = 2027;
export const WEEKS = 52; // ISO year 2027 has 52 weeks
/** In natural key order (UTF-8 bytes, like COLLATE "C"), as are the item and resource codes. */
export const LOCATIONS = [
  '東京DC',
  '大阪DC',
  '名古屋DC',
  '福岡DC',
  '札幌DC',
  'SENDAI-01',
  'HIROSHIMA-01',
  '0042',
].sort(compareUtf8);
export const ROWS_PER_ITEM = WEEKS * LOCATIONS.length;
export const INBOUND_EVERY = 20;
const ITEMS_PER_RESOURCE = 40;

/** The sizes and code spellings every generated table agrees on. */
export type TBundleShape = {
  demandRows: number;
  itemCount: number;
  resourceCount: number;
  itemCode: (index: number) => string;
  resourceCode: (index: number) => string;
  week: (index: number) => string;
};

/**
 * Index i gives the i-th code in natural key order, so every table comes out
 * sorted by its natural key, as exports and most ERP extracts are (the import's
 * fast path; docs/performance.md). Every tenth item and every other resource
 * has a Japanese code.
 */
export function createBundleShape(demandRows: number): TBundleShape {
  const itemCount = Math.max(1, Math.ceil(demandRows / ROWS_PER_ITEM));
  const resourceCount = Math.max(2, Math.ceil(itemCount / ITEMS_PER_RESOURCE));
  const width = Math.max(3, String(itemCount).length);
  const itemCodes = sortedCodes(
    itemCount,
    (i) => `${i % 10 === 0 ? '部品' : 'ITEM'}-${String(i).padStart(width, '0')}`,
  );
  const resourceCodes = sortedCodes(
    resourceCount,
    (r) => `${r % 2 === 0 ? 'ライン' : 'RES'}-${String(r).padStart(3, '0')}`,
  );
  return {
    demandRows,
    itemCount,
    resourceCount,
    itemCode: (i) => itemCodes[i]!,
    resourceCode: (r) => resourceCodes[r]!,
    week: (w) => `${YEAR}-W${String(w + 1).padStart(2, '0')}`,
  };
}

function sortedCodes(count: number, code: (index: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => code(i)).sort(compareUtf8);
}

/** A canonical decimal with at most 2 decimals in [offset, offset + max). */
export function randomAmount(next: () => number, max: number, offset = 0): string {
  return canonicalDecimal((Math.floor(next() * max * 100) / 100 + offset).toFixed(2))!;
}
