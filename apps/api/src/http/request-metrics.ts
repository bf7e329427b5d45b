import type { Request, RequestHandler } from 'express';
import type { TMetrics } from '@planning-hub/server/observability/metrics';

/** Where app.ts mounts every feature router. */
const API_PREFIX = '/api';

/**
 * The route template a request matched (`/api/plans/input_sets/:ref`), `unmatched` for an
 * unknown API path, `static` for the rest. Read from req.originalUrl because Express has
 * already restored req.baseUrl and req.url when an error response finishes.
 */
function routeTemplate(req: Request): string {
  const isApi = req.originalUrl.startsWith(`${API_PREFIX}/`);
  const routePath = req.route?.path as unknown;
  if (routePath === undefined) return isApi ? 'unmatched' : 'static';
  const template = String(routePath);
  return isApi && !template.startsWith(`${API_PREFIX}/`) ? `${API_PREFIX}${template}` : template;
}

/**
 * Observes every request under its route template, never the raw path, so label
 * cardinality stays bounded.
 */
export function requestMetrics(metrics: TMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.on('finish', () => {
      end({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
    });
    next();
  };
}
