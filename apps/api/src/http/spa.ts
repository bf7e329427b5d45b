import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import type { TListPainter } from '../features/input-sets/list-painter';

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
    router.get([...painter.paths], authenticate, async (req, res, next) => {
      // Read each time, as sendFile does: a build while the server runs names new assets.
      const painted = await painter.paint(req, await readFile(indexHtml, 'utf8'));
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
