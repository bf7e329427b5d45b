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
import { findRevisionByRef, parseRefOrThrow } from '../../data/input-set-revisions';
import { readRevisionActions } from '../review/revision-actions';
import { detectKeyCollation, selectRowsSql, tableColumns } from './table-sql';
import { SUMMARY_SELECT, toDetail, toSummary } from './to-summary';

/**
 * A fingerprint of planning_input_sets as committed now: the number of rows and a sum of
 * a 64-bit hash of each row's (xmin, id). Every insert, update or delete changes it (an
 * updated row is a new tuple with its writer's xmin), and it is visible only once the
 * write commits. Read it before the list itself: an answer read after it is at least as
 * new, so a cached list kept under it is never older than what it names
 * (docs/performance.md, "API under load"). One scan of the narrow table, as count(*) is.
 */
export async function readInputSetsVersion(pool: Pick<pg.Pool, 'query'>): Promise<string> {
  const { rows } = await pool.query<{ version: string }>({
    name: 'read-input-sets-version',
    text: `SELECT count(*)::text || ':' || coalesce(sum(hashint8extended(xmin::text::bigint, id)), 0)::text AS version
       FROM planning_input_sets`,
  });
  return rows[0]!.version;
}

/**
 * The same fingerprint over one label's revisions: a revision's detail (its row, and the
 * actions that its label's other revisions allow) reads nothing else.
 */
export async function readLabelVersion(pool: Pick<pg.Pool, 'query'>, ref: string): Promise<string> {
  const { label } = parseRefOrThrow(ref);
  const { rows } = await pool.query<{ version: string }>({
    name: 'read-label-version',
    text: `SELECT count(*)::text || ':' || coalesce(sum(hashint8extended(xmin::text::bigint, id)), 0)::text AS version
       FROM planning_input_sets WHERE label = $1`,
    values: [label],
  });
  return rows[0]!.version;
}

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
  const nextOffset = query.offset + rows.length;
  return {
    items: rows.map(toSummary),
    total,
    nextOffset: rows.length > 0 && nextOffset < total ? nextOffset : null,
  };
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
