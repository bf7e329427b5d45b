import { describe, expect, it } from 'vitest';
import { encodeShiftJis } from './encode-shift-jis';

describe('encodeShiftJis', () => {
  it('round-trips Japanese text through the CP932 decoder', () => {
    const text = '部品-001,東京DC,需給計画チーム,ｱｲｳｴｵ,①②,髙,～\\~\r\n';
    const bytes = encodeShiftJis(text);
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toBe(text);
    expect(Array.from(encodeShiftJis('部'))).toEqual([0x95, 0x94]);
  });

  it('refuses characters Shift_JIS cannot hold', () => {
    expect(() => encodeShiftJis('😀')).toThrow(/no Shift_JIS code/);
  });
});
