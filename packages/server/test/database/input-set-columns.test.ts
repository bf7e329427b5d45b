import { describe, expect, it } from 'vitest';
import { INPUT_SET_COLUMNS } from '../../src/data/input-set-revisions';
import { Prisma } from '../../src/generated/prisma/client';
import { selectedNames } from './column-lists';

describe('raw SQL column lists (CONTRIBUTING.md, "Raw SQL or Prisma")', () => {
  it('reads every field of the InputSet model, under its Prisma name, and nothing else', () => {
    expect(selectedNames(INPUT_SET_COLUMNS).sort()).toEqual(
      Object.values(Prisma.InputSetScalarFieldEnum).sort(),
    );
  });
});
