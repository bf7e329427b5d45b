import { describe, expect, it } from 'vitest';
import type { TMessages } from '../../i18n/en';
import { enPages } from '../../i18n/en-pages';
import { jaPages } from '../../i18n/ja-pages';
import { RUN_OUTCOME_KEYS, runOutcome } from './run-outcome';

describe('runOutcome', () => {
  it('calls a run that computed no plan "no plan", never succeeded', () => {
    expect(runOutcome({ status: 'succeeded', inputSetRevision: null, result: null })).toBe('noPlan');
    // The list's summaries carry no result: a run that read no revision computed none.
    expect(runOutcome({ status: 'succeeded', inputSetRevision: null })).toBe('noPlan');
  });

  it('calls a run with a plan succeeded', () => {
    expect(runOutcome({ status: 'succeeded', inputSetRevision: 3, result: {} })).toBe('succeeded');
    expect(runOutcome({ status: 'succeeded', inputSetRevision: 3 })).toBe('succeeded');
  });

  it('keeps running and failed as they are', () => {
    expect(runOutcome({ status: 'running', inputSetRevision: null })).toBe('running');
    expect(runOutcome({ status: 'failed', inputSetRevision: 3, result: null })).toBe('failed');
  });
});

describe('the words of an outcome', () => {
  it('says "no plan" (計画未計算) for a run without a plan, and keeps succeeded for one with a plan', () => {
    const word = (messages: Pick<TMessages, keyof typeof enPages>, run: Parameters<typeof runOutcome>[0]) =>
      messages[RUN_OUTCOME_KEYS[runOutcome(run)]];
    expect(word(enPages, { status: 'succeeded', inputSetRevision: null, result: null })).toBe('no plan');
    expect(word(jaPages, { status: 'succeeded', inputSetRevision: null, result: null })).toBe('計画未計算');
    expect(word(enPages, { status: 'succeeded', inputSetRevision: 2, result: {} })).toBe('succeeded');
  });
});
