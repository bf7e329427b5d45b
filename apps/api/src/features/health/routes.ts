import { Router } from 'express';
import type { TMetrics } from '@planning-hub/server/observability/metrics';

export function healthRoutes({
  checkDatabase,
  metrics,
}: {
  checkDatabase: () => Promise<boolean>;
  metrics: TMetrics;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ok = await checkDatabase().catch(() => false);
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      checks: { database: ok ? 'ok' : 'unavailable' },
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
