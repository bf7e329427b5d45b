import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built SPA (apps/web/dist) on the API's port: hashed assets with a
 * long cache, and index.html for every /ui/* route (client-side routing).
 */
export function spaRoutes({ distDir }: { distDir: string }): Router {
  const router = Router();
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return router;
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(['/', '/ui', '/ui/*splat'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
