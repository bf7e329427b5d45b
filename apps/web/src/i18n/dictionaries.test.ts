import { describe, expect, it } from 'vitest';
import {
  hasAllMessages,
  loadedMessages,
  loadFirstPageMessages,
  loadMessages,
  loadPageMessages,
} from './dictionaries';
import { en } from './en';
import { enPages } from './en-pages';
import { ja } from './ja';
import { jaPages } from './ja-pages';

describe('loadMessages', () => {
  it('loads the first page’s messages, then every page’s into the same dictionary, each once', async () => {
    expect(loadedMessages('en')).toBeUndefined();
    await Promise.all([loadFirstPageMessages('en'), loadFirstPageMessages('en')]);
    const english = loadedMessages('en');
    expect(english).toEqual(en);
    expect(hasAllMessages('en')).toBe(false);

    // A page other than the list: every page's messages of the language shown, not of the other one.
    await loadPageMessages();
    expect(loadedMessages('en')).toBe(english);
    expect(english).toEqual({ ...en, ...enPages });
    expect(hasAllMessages('en')).toBe(true);
    expect(loadedMessages('ja')).toBeUndefined();

    // A switch, or the idle prefetch: the whole language.
    await Promise.all([loadMessages('ja'), loadMessages('ja')]);
    expect(loadedMessages('ja')).toEqual({ ...ja, ...jaPages });
    expect(hasAllMessages('ja')).toBe(true);
  });
});
