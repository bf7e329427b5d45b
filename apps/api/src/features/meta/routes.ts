import { Router } from 'express';
import { buildOpenApiDocument } from '@planning-hub/contracts/api/openapi';

export function metaRoutes({ version }: { version: string }): Router {
  const router = Router();
  const document = buildOpenApiDocument(version);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
