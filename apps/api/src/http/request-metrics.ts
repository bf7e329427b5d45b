import type { RequestHandler } from 'express';
import type { TMetrics } from '@planning-hub/server/observability/metrics';

/**
 * Observes every request under its route template (`/api/plans/input_sets/:ref`),
 * never the raw path, so label cardinality stays bounded.
 */
export function requestMetrics(metrics: TMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : req.path.startsWith('/api/')
          ? 'unmatched'
          : 'static';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
