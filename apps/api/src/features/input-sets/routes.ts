import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { ZImportReport, ZUploadFields } from '@planning-hub/contracts/api/input-sets';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import { ZLabel } from '@planning-hub/contracts/labels';
import type { TConfig } from '@planning-hub/server/config/env';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { AppError, hintOf } from '@planning-hub/server/errors/app-error';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { expandZipSources } from '@planning-hub/server/services/input-sets/bundle-sources';
import { exportBundleAsZip } from '@planning-hub/server/services/input-sets/export-bundle';
import { createExportCache } from '@planning-hub/server/services/input-sets/export-cache';
import { importBundle, validateBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import {
  getInputSet,
  listInputSets,
  parseTableName,
  readInputSetsVersion,
  readLabelVersion,
  readTableRows,
} from '@planning-hub/server/services/input-sets/read-input-sets';
import { createAnswerCache } from '../../http/answer-cache';
import { getActor, isCliRequest } from '../../http/authenticate';
import { mount, mountRaw } from '../../http/mount';
import { spoolMultipart } from '../../http/multipart';
import { cutWhenIdle, extendRequestTime } from '../../http/request-timeout';

/** How long a client refused for a full server is asked to wait. */
const BUSY_RETRY_AFTER_SECONDS = 10;

type TDeps = { db: TDatabase; config: TConfig; metrics: TMetrics };

export function inputSetRoutes({ db, config, metrics }: TDeps): Router {
  const router = Router();
  const deps = { prisma: db.prisma, pool: db.pool };
  // Uploads of this process being read or imported: each holds a database connection
  // for minutes and memory; past UPLOAD_CONCURRENCY the next one is refused at once.
  let uploadsRunning = 0;

  const answerCache = createAnswerCache();

  // Kept until any revision changes (docs/performance.md, "API under load").
  mount(
    router,
    INPUT_SET_OPERATIONS.listInputSets,
    async ({ query }) => ({
      status: 200,
      cached: {
        key: JSON.stringify([query.status ?? null, query.search ?? null, query.limit, query.offset]),
        version: await readInputSetsVersion(db.pool),
        read: () => listInputSets(deps, query),
      },
    }),
    { answerCache },
  );

  // Multipart: the handler spools the body itself (mountRaw parses params and query, draining the body on refusal).
  mountRaw(router, INPUT_SET_OPERATIONS.uploadBundle, async ({ req, res, params, query }) => {
    const label = ZLabel.safeParse(params.label);
    if (!label.success) {
      req.resume();
      throw new AppError(
        'bad_request',
        'error.input_set.label_invalid',
        { text: params.label.slice(0, 80) },
        {
          hint: hintOf('hint.label.form', {}),
        },
      );
    }
    const actor = getActor(req);
    // A dry run takes an upload's slot: it reads and validates the same bytes.
    if (uploadsRunning >= config.uploadConcurrency) {
      req.resume();
      res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      res.setHeader('Connection', 'close');
      throw new AppError(
        'unavailable',
        'error.upload.busy',
        { count: uploadsRunning, seconds: BUSY_RETRY_AFTER_SECONDS },
        {
          hint: hintOf('hint.upload.concurrency', {}),
        },
      );
    }
    uploadsRunning += 1;
    extendRequestTime(req, res, config.uploadTimeoutMs);
    const stopIdleCut = cutWhenIdle(req, res, config.httpIdleTimeoutMs);
    const scratch = path.join(config.tmpDir, 'uploads', randomUUID());
    try {
      const limits = { maxBytes: config.uploadMaxBytes, maxFiles: config.uploadMaxFiles };
      const upload = await spoolMultipart(req, { dir: scratch, ...limits });
      // The body is in; the import may now run for minutes without a byte on the wire.
      stopIdleCut();
      const fields = ZUploadFields.parse(upload.fields);
      if (upload.files.length === 0) {
        throw new AppError('bad_request', 'error.upload.no_files', {});
      }
      const files = await expandZipSources(upload.files, scratch, limits);
      const isZip = upload.files.some((f) => f.name.toLowerCase().endsWith('.zip'));
      const isJson =
        files.length === 1 &&
        files[0]!.name.toLowerCase().endsWith('.json') &&
        files[0]!.name !== 'params.json';
      if (query.dry_run) {
        const checked = await validateBundle({
          label: label.data,
          versionId: fields.version_id,
          files,
          encoding: fields.encoding,
        });
        res.status(200).json(ZImportReport.parse(checked));
        return;
      }
      const report = await importBundle(
        { pool: db.pool, metrics },
        {
          label: label.data,
          versionId: fields.version_id,
          note: fields.note,
          files,
          encoding: fields.encoding,
          allowInvalid: fields.allow_invalid,
          actor,
          entrypoint: isCliRequest(req) ? 'cli' : 'rest',
          sourceKind: isZip ? 'zip' : isJson ? 'json' : 'files',
          browserEdits: fields.edits,
        },
      );
      if (!report.stored) {
        throw new AppError(
          'validation_failed',
          'error.upload.validation_failed',
          { count: report.problemSummary.errors },
          {
            hint: hintOf('hint.upload.fix_rows', {}),
            problems: report.problems,
            report,
          },
        );
      }
      res.status(201).json(ZImportReport.parse(report));
    } finally {
      uploadsRunning -= 1;
      await rm(scratch, { recursive: true, force: true });
    }
  });

  // Kept until any revision of its label changes.
  mount(
    router,
    INPUT_SET_OPERATIONS.getInputSet,
    async ({ params }) => ({
      status: 200,
      cached: {
        key: params.ref,
        version: await readLabelVersion(db.pool, params.ref),
        read: () => getInputSet(deps, params.ref),
      },
    }),
    { answerCache },
  );

  mount(router, INPUT_SET_OPERATIONS.getTableRows, async ({ params, query }) => {
    const table = parseTableName(params.table);
    return {
      status: 200,
      body: await readTableRows(deps, { ref: params.ref, table, offset: query.offset, limit: query.limit }),
    };
  });

  // A zip, streamed; a revision that is not a draft is served from the file its first download left
  // (docs/design.md section 2).
  const exportCache = createExportCache(path.join(config.artifactDir, 'exports'));
  mountRaw(router, INPUT_SET_OPERATIONS.exportBundle, async ({ req, res, params }) => {
    const { stream, fileName } = await exportBundleAsZip(
      { ...deps, exportCache },
      { ref: params.ref, actor: getActor(req) },
    );
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    cutWhenIdle(req, res, config.httpIdleTimeoutMs);
    // pipeline destroys the zip when the client hangs up, which hands its connection back (export-bundle.ts).
    await pipeline(stream, res).catch((error: unknown) => {
      if (!res.headersSent) throw error;
      req.log.warn({ err: error }, 'export_stopped');
      res.destroy();
    });
  });

  return router;
}
