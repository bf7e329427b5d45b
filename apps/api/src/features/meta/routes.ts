import { Router } from 'express';
import { buildOpenApiDocument } from '@planning-hub/contracts/api/openapi';
import { HEALTH_OPERATIONS } from '@planning-hub/contracts/api/operations/health';
import { mount } from '../../http/mount';

/** GET /api/openapi.json; mounted at /api before authentication (app.ts). */
export function metaRoutes({ version }: { version: string }): Router {
  const router = Router();
  const document = buildOpenApiDocument(version);
  mount(router, HEALTH_OPERATIONS.getOpenApi, () => ({ status: 200, body: document }));
  return router;
}
