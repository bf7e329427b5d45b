import { describe, expect, it } from 'vitest';
import { encodeText } from './encode-text';

describe("encodeText(..., 'shift_jis')", () => {
  it('round-trips Japanese text through the CP932 decoder', () => {
    const text = '部品-001,東京DC,需給計画チーム,ｱｲｳｴｵ,①②,髙,～\\~\r\n';
    const bytes = encodeText(text, 'shift_jis');
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toBe(text);
    expect(Array.from(encodeText('部', 'shift_jis'))).toEqual([0x95, 0x94]);
  });

  it('refuses characters Shift_JIS cannot hold', () => {
    expect(() => encodeText('😀', 'shift_jis')).toThrow(/no Shift_JIS code/);
  });
});
