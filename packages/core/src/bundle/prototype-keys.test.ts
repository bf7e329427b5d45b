import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computePlan } from '../plan/compute-plan';
import { planInputFromTables } from '../plan/plan-input';
import { EXAMPLES_DIR, collectBundle, sourcesOf } from '../../test/bundle-fixtures';

/**
 * Param keys are codes, and `__proto__`, `constructor` and `prototype` are valid codes.
 * Assigned with `params[key] = value` they would replace the object's prototype
 * (`__proto__`) or shadow what every object has: they must stay plain keys.
 */

const SAMPLE = Object.fromEntries(
  readdirSync(path.join(EXAMPLES_DIR, 'sample-bundle')).map((name) => [
    name,
    readFileSync(path.join(EXAMPLES_DIR, 'sample-bundle', name), 'utf8'),
  ]),
);
const BASE_PARAMS = JSON.parse(SAMPLE['params.json']!) as Record<string, unknown>;
/** A value for __proto__ that would turn into inherited params if it became the prototype. */
const HOSTILE_VALUE = { polluted: 'yes', period_granularity: 'day', toString: 'not a function' };

function hostileParamsJson(): string {
  // JSON text, not an object literal: `{"__proto__": ...}` in JSON is a plain key.
  const entries = Object.entries(BASE_PARAMS).map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
  entries.push(`"__proto__":${JSON.stringify(HOSTILE_VALUE)}`, '"constructor":"c"', '"prototype":3');
  return `{${entries.join(',')}}`;
}

function hostileParamsCsv(): string {
  const lines = ['key,value'];
  for (const [key, value] of Object.entries(BASE_PARAMS))
    lines.push(`${key},"${JSON.stringify(value).replaceAll('"', '""')}"`);
  lines.push(
    `__proto__,"${JSON.stringify(HOSTILE_VALUE).replaceAll('"', '""')}"`,
    'constructor,"""c"""',
    'prototype,3',
  );
  return `${lines.join('\n')}\n`;
}

function hostileJsonBundle(): string {
  const tables = JSON.stringify(
    Object.fromEntries(
      Object.entries(SAMPLE)
        .filter(([name]) => name.endsWith('.csv'))
        .map(([name, text]) => {
          const [header, ...lines] = text.trim().split('\n');
          const columns = header!.split(',');
          const rows = lines.map((line) =>
            Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v === '' ? null : v])),
          );
          return [name.replace('.csv', ''), rows];
        }),
    ),
  );
  return `{"tables":${tables},"params":${hostileParamsJson()}}`;
}

afterEach(() => {
  // Nothing may have reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString).toBeTypeOf('function');
});

describe('param keys __proto__, constructor and prototype', () => {
  const forms = {
    'params.json': () => sourcesOf({ ...SAMPLE, 'params.json': hostileParamsJson() }, 4096),
    'params.csv': () => {
      const { 'params.json': _json, ...rest } = SAMPLE;
      return sourcesOf({ ...rest, 'params.csv': hostileParamsCsv() }, 4096);
    },
    'input_set.json': () => sourcesOf({ 'input_set.json': hostileJsonBundle() }, 4096),
  };

  for (const [form, files] of Object.entries(forms)) {
    it(`are stored as plain params from ${form}, neither polluting nor crashing`, async () => {
      const bundle = await collectBundle(files());
      expect(bundle.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const keys = (bundle.tables.params ?? []).map((row) => row.key);
      expect(keys).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype']));
      const params = bundle.params;
      expect(Object.hasOwn(params, '__proto__')).toBe(true);
      expect(params['__proto__']).toEqual(HOSTILE_VALUE);
      expect(params['constructor']).toBe('c');
      expect(params['prototype']).toBe(3);
      // Not inherited from the __proto__ value: the bundle's own granularity holds.
      expect(params['polluted']).toBeUndefined();
      expect(params['period_granularity']).toBe('week');
    });
  }

  it('leave the plan computation alone', async () => {
    const bundle = await collectBundle(forms['params.json']());
    const input = planInputFromTables(bundle.tables);
    expect(Object.hasOwn(input.params, '__proto__')).toBe(true);
    expect(input.params['period_granularity']).toBe('week');
    expect(input.params['polluted']).toBeUndefined();
    const plan = computePlan(input);
    expect(plan.horizon).toMatchObject({ start: '2027-W01', granularity: 'week' });
  });
});
