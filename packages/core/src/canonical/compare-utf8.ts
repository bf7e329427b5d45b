/**
 * Orders strings by their UTF-8 bytes, as PostgreSQL `COLLATE "C"` does on a
 * UTF-8 database. Plain `<` compares UTF-16 code units, which differs for
 * characters above U+FFFF against U+E000..U+FFFF; the code units are remapped
 * so that surrogates sort after every other BMP character.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rankCodeUnit(x) - rankCodeUnit(y);
  }
  return a.length - b.length;
}

function rankCodeUnit(unit: number): number {
  if (unit < 0xd800) return unit;
  if (unit >= 0xe000) return unit - 0x800;
  return unit + 0x2000;
}
