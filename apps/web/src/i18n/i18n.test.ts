import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { interpolate, pickInitialLanguage } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(ja[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('has no empty text', () => {
    for (const messages of [en, ja]) {
      for (const [key, text] of Object.entries(messages)) expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
    }
  });

  it('keeps the runbook names of statuses and History columns', () => {
    for (const messages of [en, ja]) {
      expect([messages['status.draft'], messages['status.ready'], messages['status.archived']]).toEqual(['draft', 'ready', 'archived']);
      expect([
        messages['history.col.action'],
        messages['history.col.actor'],
        messages['history.col.comment'],
        messages['history.col.jst'],
      ]).toEqual(['Action', 'Actor', 'Comment', 'JST']);
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders and groups thousands', () => {
    expect(interpolate('{count} input sets in {label}', { count: 1234, label: 'weekly' })).toBe('1,234 input sets in weekly');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Open {ref}', {})).toBe('Open {ref}');
  });
});

describe('pickInitialLanguage', () => {
  it('prefers the stored choice', () => {
    expect(pickInitialLanguage('ja', ['en-US'])).toBe('ja');
  });

  it('falls back to the browser language, then English', () => {
    expect(pickInitialLanguage(null, ['ja-JP', 'en'])).toBe('ja');
    expect(pickInitialLanguage('fr', ['de-DE'])).toBe('en');
  });
});
