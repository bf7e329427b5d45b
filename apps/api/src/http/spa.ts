import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import type { TIndexHtml, TListPainter } from '../features/input-sets/list-painter';

/**
 * index.html as it is now, read again (and its digest taken) only when a build has
 * rewritten it since: its modification time or size changed. One stat per request, as
 * sendFile makes, instead of a read and a SHA-256 of it.
 */
function currentIndexHtml(file: string): () => Promise<TIndexHtml> {
  let cached: { mtimeMs: number; size: number; page: TIndexHtml } | undefined;
  return async () => {
    const { mtimeMs, size } = await stat(file);
    if (cached?.mtimeMs !== mtimeMs || cached.size !== size) {
      const text = await readFile(file, 'utf8');
      const digest = createHash('sha256').update(text).digest('base64url').slice(0, 16);
      cached = { mtimeMs, size, page: { text, digest } };
    }
    return cached.page;
  };
}

/**
 * Serves the built SPA (apps/web/dist) on the API's port: hashed assets with a
 * long cache, and index.html for every /ui/* route (client-side routing). On the URLs
 * that open on the input set list, a signed-in browser gets the list painted into
 * index.html when `painter` can (features/input-sets/list-painter.ts).
 */
export function spaRoutes({
  distDir,
  authenticate,
  painter,
}: {
  distDir: string;
  authenticate: RequestHandler;
  painter?: TListPainter | undefined;
}): Router {
  const router = Router();
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return router;
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  if (painter) {
    // Checked on each request, as sendFile does: a build while the server runs names new assets.
    const readIndexHtml = currentIndexHtml(indexHtml);
    router.get([...painter.paths], authenticate, async (req, res, next) => {
      const painted = await painter.paint(req, await readIndexHtml());
      if (painted === null) return next();
      // The reader's own list: kept by no cache, shared or private.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Vary', 'Cookie, Accept-Language');
      res.type('html').send(painted);
    });
  }
  router.get(['/', '/ui', '/ui/*splat'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
