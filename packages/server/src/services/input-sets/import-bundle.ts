import type { TUploadEncoding } from '@planning-hub/contracts/api/upload-limits';
import type pg from 'pg';
import type { TBrowserEdit, TImportReport } from '@planning-hub/contracts/api/input-sets';
import { ZLabel, ZVersionId } from '@planning-hub/contracts/labels';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { processBundle, type TProcessBundleResult } from '@planning-hub/core/bundle/process-bundle';
import { AppError } from '../../errors/app-error';
import { lockLabel, useBulkTimeouts, withTransaction, type TSqlClient } from '../../database/transaction';
import type { TMetrics } from '../../observability/metrics';
import { actorLabel, type TActor } from '../auth/actor';
import { appendEvent } from '../events/append-event';
import { createMixedUomTally } from '../checks/mixed-uom-tally';
import { runDraftChecks } from '../checks/run-draft-checks';
import type { TByteSource } from './bundle-sources';
import { createCopyWriter } from './copy-rows';
import { computeStoredContentHash } from './content-hash';
import { createStreamedHash } from './streamed-table-hash';

export type TImportBundleInput = {
  label: string;
  versionId: string;
  note?: string | undefined;
  files: TByteSource[];
  encoding: TUploadEncoding;
  /** Keep a bundle with validation errors as a draft marked invalid (it cannot be approved). */
  allowInvalid: boolean;
  /** The signed-in user who uploads (docs/design.md, "Identity"). */
  actor: TActor;
  entrypoint: 'cli' | 'rest';
  sourceKind: 'folder' | 'files' | 'zip' | 'json';
  /** Cells the planner edited in the browser before this upload: kept in the event as `browser_edits`. */
  browserEdits?: TBrowserEdit[] | undefined;
};

type TImportDeps = { pool: pg.Pool; metrics?: TMetrics };

class RejectedBundle extends Error {}

/** The message of a refused label or version id, by the name the caller gives it. */
const INVALID_VALUE = {
  'The label': 'error.input_set.label_value_invalid',
  'The version id': 'error.input_set.version_id_invalid',
} as const;

function parseOrBadRequest<T>(
  schema: {
    safeParse: (v: unknown) => { success: boolean; data?: T; error?: { issues: { message: string }[] } };
  },
  value: unknown,
  what: keyof typeof INVALID_VALUE,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('bad_request', INVALID_VALUE[what], {
      text: String(value).slice(0, 80),
      detail: String(parsed.error?.issues[0]?.message),
    });
  }
  return parsed.data as T;
}

async function openDraft(client: TSqlClient, label: string, input: TImportBundleInput) {
  const { rows: drafts } = await client.query<{ id: number; revision: number; content_hash: string }>(
    "SELECT id, revision, content_hash FROM planning_input_sets WHERE label = $1 AND status = 'draft' FOR UPDATE",
    [label],
  );
  const draft = drafts[0];
  if (draft) {
    // Overwrite: the draft keeps its revision number and id; its rows are replaced.
    for (const table of TABLE_NAMES) {
      await client.query(`DELETE FROM ${TABLE_SPECS[table].dbTable} WHERE input_set_id = $1`, [draft.id]);
    }
    return { id: draft.id, revision: draft.revision, previousContentHash: draft.content_hash };
  }
  const { rows } = await client.query<{ id: number; revision: number }>(
    `INSERT INTO planning_input_sets (label, revision, status, version_id, content_hash, row_counts, uploaded_by)
     SELECT $1::text, COALESCE(MAX(revision), 0) + 1, 'draft', $2, '', '{}', $3 FROM planning_input_sets WHERE label = $1::text
     RETURNING id, revision`,
    [label, input.versionId, input.actor.username],
  );
  return { id: rows[0]!.id, revision: rows[0]!.revision, previousContentHash: null };
}

/**
 * Validates a bundle and stores it as the label's draft in one transaction:
 * a new revision n+1, or the existing draft overwritten (docs/design.md section 4).
 * A bundle with errors changes nothing unless `allowInvalid`. Always returns
 * the report; throws only for bad arguments or infrastructure failures.
 */
export async function importBundle(deps: TImportDeps, input: TImportBundleInput): Promise<TImportReport> {
  const started = performance.now();
  const label = parseOrBadRequest<string>(ZLabel, input.label, 'The label');
  const versionId = parseOrBadRequest<string>(ZVersionId, input.versionId, 'The version id');

  let result: TProcessBundleResult | undefined;
  let stored:
    { id: number; revision: number; previousContentHash: string | null; contentHash: string } | undefined;
  try {
    stored = await withTransaction(deps.pool, async (client) => {
      // Before the label lock: waiting for another upload of the label is part of the bulk work.
      await useBulkTimeouts(client, deps.pool);
      await lockLabel(client, label);
      const draft = await openDraft(client, label, { ...input, versionId });
      const writer = createCopyWriter(client, draft.id);
      const streamedHash = createStreamedHash();
      const mixedUom = createMixedUomTally();
      try {
        result = await processBundle({
          files: input.files,
          encoding: input.encoding,
          sink: async (table, rows) => {
            streamedHash.add(table, rows);
            if (table === 'demand') mixedUom.add(rows);
            await writer.write(table, rows);
          },
        });
        await writer.finish();
      } catch (error) {
        await writer.abort(error);
        throw error;
      }
      if (result.summary.errors > 0 && !input.allowInvalid) throw new RejectedBundle();

      const contentHash = await computeStoredContentHash(client, draft.id, streamedHash.take());
      const encodings = result.encodings;
      await client.query(
        `UPDATE planning_input_sets
            SET version_id = $2, note = $3, content_hash = $4, row_counts = $5, problems = $6,
                error_count = $7, warning_count = $8, source = $9, uploaded_by = $10, updated_at = now()
          WHERE id = $1`,
        [
          draft.id,
          versionId,
          input.note ?? null,
          contentHash,
          JSON.stringify(result.rowCounts),
          JSON.stringify(result.problems),
          result.summary.errors,
          result.summary.warnings,
          JSON.stringify({
            kind: input.sourceKind,
            files: input.files.map((f) => ({
              name: f.name,
              bytes: f.size,
              encoding: encodings[f.name] ?? null,
            })),
            summary: result.summary,
          }),
          input.actor.username,
        ],
      );
      // Approval gates (docs/design.md section 11): the label's checks against its ready revision.
      await runDraftChecks(client, { label, draftId: draft.id, mixedUom });
      await appendEvent(client, {
        label,
        inputSetId: draft.id,
        revision: draft.revision,
        action: 'upload',
        actor: actorLabel(input.actor),
        principal: input.actor.username,
        userId: input.actor.userId,
        comment: input.note ?? null,
        metadata: {
          entrypoint: input.entrypoint,
          version_id: versionId,
          content_hash: contentHash,
          previous_content_hash: draft.previousContentHash,
          row_counts: result.rowCounts,
          errors: result.summary.errors,
          warnings: result.summary.warnings,
          // The files stored are the dropped ones with these cells changed (docs/design.md section 3).
          ...(input.browserEdits?.length ? { browser_edits: input.browserEdits } : {}),
        },
      });
      return { ...draft, contentHash };
    });
  } catch (error) {
    if (!(error instanceof RejectedBundle)) {
      deps.metrics?.imports.inc({ entrypoint: input.entrypoint, result: 'failed' });
      throw error;
    }
  }

  const outcome = result!;
  if (stored) {
    deps.metrics?.imports.inc({
      entrypoint: input.entrypoint,
      result: outcome.summary.errors > 0 ? 'invalid' : 'stored',
    });
    for (const table of TABLE_NAMES)
      deps.metrics?.importedRows.inc({ table }, outcome.rowCounts[table as TTableName] ?? 0);
  } else {
    deps.metrics?.imports.inc({ entrypoint: input.entrypoint, result: 'invalid' });
  }
  return {
    ok: outcome.summary.errors === 0,
    label,
    revision: stored?.revision ?? null,
    ref: stored ? `${label}@draft` : null,
    status: stored ? 'draft' : null,
    versionId,
    contentHash: stored?.contentHash ?? null,
    previousContentHash: stored?.previousContentHash ?? null,
    stored: Boolean(stored),
    rowCounts: outcome.rowCounts,
    encodings: outcome.encodings,
    problems: outcome.problems,
    problemSummary: outcome.summary,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Validates a bundle exactly as an upload does (processBundle) and stores nothing: no
 * database connection, no event, no metrics of imports. The report says what an upload
 * of these files would find (`stored: false`, no revision), for "Check again" in the browser.
 */
export async function validateBundle(
  input: Pick<TImportBundleInput, 'label' | 'versionId' | 'files' | 'encoding'>,
): Promise<TImportReport> {
  const started = performance.now();
  const label = parseOrBadRequest<string>(ZLabel, input.label, 'The label');
  const versionId = parseOrBadRequest<string>(ZVersionId, input.versionId, 'The version id');
  const result = await processBundle({ files: input.files, encoding: input.encoding, sink: async () => {} });
  return {
    ok: result.summary.errors === 0,
    label,
    revision: null,
    ref: null,
    status: null,
    versionId,
    contentHash: null,
    previousContentHash: null,
    stored: false,
    rowCounts: result.rowCounts,
    encodings: result.encodings,
    problems: result.problems,
    problemSummary: result.summary,
    durationMs: Math.round(performance.now() - started),
  };
}
