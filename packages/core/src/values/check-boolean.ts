/** true/false/1/0 in any case; canonical `true` / `false`. */
export function canonicalBoolean(text: string): 'true' | 'false' | null {
  if (text === 'true' || text === '1') return 'true';
  if (text === 'false' || text === '0') return 'false';
  const lower = text.toLowerCase();
  if (lower === 'true') return 'true';
  if (lower === 'false') return 'false';
  return null;
}
