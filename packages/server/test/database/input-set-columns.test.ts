import { describe, expect, it } from 'vitest';
import { INPUT_SET_COLUMNS } from '../../src/data/input-set-revisions';
import { Prisma } from '../../src/generated/prisma/client';

/** The name each column of a raw SELECT list is read as: its alias, or the column itself. */
function selectedNames(columns: string): string[] {
  return columns.split(',').map((part) => {
    const alias = /\bAS\s+"?([A-Za-z_]+)"?\s*$/i.exec(part.trim());
    return alias ? alias[1]! : part.trim();
  });
}

describe('raw SQL column lists (CONTRIBUTING.md, "Raw SQL or Prisma")', () => {
  it('reads every field of the InputSet model, under its Prisma name, and nothing else', () => {
    expect(selectedNames(INPUT_SET_COLUMNS).sort()).toEqual(
      Object.values(Prisma.InputSetScalarFieldEnum).sort(),
    );
  });
});
