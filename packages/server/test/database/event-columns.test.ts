import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, EVENT_INSERT_COLUMNS, type TEventRow } from '../../src/data/events';
import { Prisma } from '../../src/generated/prisma/client';
import { columnsOfModel, selectedNames } from './column-lists';

const EVENT_TABLE_COLUMNS = columnsOfModel('InputSetEvent', Prisma.InputSetEventScalarFieldEnum);

/** TEventRow's keys, kept complete by the compiler (a missing or extra key does not type-check). */
const EVENT_ROW_KEYS: Record<keyof TEventRow, true> = {
  id: true,
  input_set_id: true,
  label: true,
  revision: true,
  action: true,
  actor: true,
  principal: true,
  comment: true,
  metadata: true,
  created_at: true,
  prev_hash: true,
  hash: true,
};

describe('raw SQL column lists of planning_input_set_events (CONTRIBUTING.md, "Raw SQL or Prisma")', () => {
  it('reads every column of the InputSetEvent model but user_id, which no answer shows, into TEventRow', () => {
    const read = selectedNames(EVENT_COLUMNS).sort();
    expect(read).toEqual(EVENT_TABLE_COLUMNS.filter((column) => column !== 'user_id').sort());
    expect(read).toEqual(Object.keys(EVENT_ROW_KEYS).sort());
  });

  it('appends every column of the model but the id the database gives', () => {
    expect(EVENT_INSERT_COLUMNS.map(([column]) => column).sort()).toEqual(
      EVENT_TABLE_COLUMNS.filter((column) => column !== 'id').sort(),
    );
  });
});
