import type {
  TInputSetDetail,
  TListInputSetsQuery,
  TListInputSetsResponse,
  TTableRowsResponse,
} from '@planning-hub/contracts/api/input-sets';
import { TABLE_NAMES, type TRow, type TTableName } from '@planning-hub/contracts/tables';
import { AppError, hintOf } from '../../errors/app-error';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type pg from 'pg';
import { findRevisionByRef } from '../../data/input-set-revisions';
import { readRevisionActions } from '../review/revision-actions';
import { detectKeyCollation, selectRowsSql, tableColumns } from './table-sql';
import { SUMMARY_SELECT, toDetail, toSummary } from './to-summary';

/** Revisions newest first; `search` matches label or version id. */
export async function listInputSets(
  { prisma }: { prisma: Pick<PrismaClient, 'inputSet'> },
  query: TListInputSetsQuery,
): Promise<TListInputSetsResponse> {
  const where: Prisma.InputSetWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.search
      ? {
          OR: [
            { label: { contains: query.search, mode: 'insensitive' } },
            { versionId: { contains: query.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.inputSet.findMany({
      where,
      select: SUMMARY_SELECT,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      skip: query.offset,
    }),
    prisma.inputSet.count({ where }),
  ]);
  return { items: rows.map(toSummary), total };
}

export async function getInputSet(deps: { pool: pg.Pool }, ref: string): Promise<TInputSetDetail> {
  const revision = await findRevisionByRef(deps.pool, ref);
  return toDetail(revision, await readRevisionActions(deps.pool, revision));
}

export function parseTableName(text: string): TTableName {
  if ((TABLE_NAMES as readonly string[]).includes(text)) return text as TTableName;
  throw new AppError(
    'not_found',
    'error.input_set.no_such_table',
    { text: text.slice(0, 40) },
    {
      hint: hintOf('hint.input_set.tables', { tables: TABLE_NAMES.join(', ') }),
    },
  );
}

/** One page of a table in natural key order. */
export async function readTableRows(
  deps: { prisma: Pick<PrismaClient, 'inputSet'>; pool: pg.Pool },
  { ref, table, offset, limit }: { ref: string; table: TTableName; offset: number; limit: number },
): Promise<TTableRowsResponse> {
  const revision = await findRevisionByRef(deps.pool, ref);
  const columns = tableColumns(table);
  const collation = await detectKeyCollation(deps.pool);
  const { rows } = await deps.pool.query<TRow>(
    `${selectRowsSql(table, revision.id, collation)} LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  const total = (revision.rowCounts as Record<string, number>)[table] ?? 0;
  return { table, columns, rows: rows.map((row) => columns.map((c) => row[c] ?? null)), total, offset };
}
