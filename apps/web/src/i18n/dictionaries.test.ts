import { describe, expect, it } from 'vitest';
import { loadedMessages, loadMessages } from './dictionaries';
import { en } from './en';
import { ja } from './ja';

describe('loadMessages', () => {
  it('loads a language once and keeps it for a switch that must not wait', async () => {
    expect(loadedMessages('ja')).toBeUndefined();
    const [first, second] = await Promise.all([loadMessages('ja'), loadMessages('ja')]);
    expect(first).toBe(ja);
    expect(second).toBe(ja);
    expect(loadedMessages('ja')).toBe(ja);
    expect(loadedMessages('en')).toBeUndefined();
    expect(await loadMessages('en')).toBe(en);
  });
});
