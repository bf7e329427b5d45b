import { Router } from 'express';
import { HEALTH_OPERATIONS } from '@planning-hub/contracts/api/operations/health';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { mount, mountRaw } from '../../http/mount';

export function healthRoutes({
  checkDatabase,
  metrics,
}: {
  checkDatabase: () => Promise<boolean>;
  metrics: TMetrics;
}): Router {
  const router = Router();
  mount(router, HEALTH_OPERATIONS.getHealth, () => ({ status: 200, body: { status: 'ok' } }));
  mount(router, HEALTH_OPERATIONS.getReadiness, async () => {
    const ok = await checkDatabase().catch(() => false);
    const state = ok ? 'ok' : 'unavailable';
    return { status: ok ? 200 : 503, body: { status: state, checks: { database: state } } };
  });
  // Prometheus text, not JSON.
  mountRaw(router, HEALTH_OPERATIONS.getMetrics, async ({ res }) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
