import { randomUUID } from 'node:crypto';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { TLogger } from '@planning-hub/server/observability/logger';
import type { TMetrics } from '@planning-hub/server/observability/metrics';
import { healthRoutes } from './features/health/routes';
import type { TListPainter } from './features/input-sets/list-painter';
import { metaRoutes } from './features/meta/routes';
import { notFoundHandler, problemDetailsHandler } from './http/problem-details';
import { requestMetrics } from './http/request-metrics';
import { spaRoutes } from './http/spa';

export type TAppDeps = {
  logger: TLogger;
  metrics: TMetrics;
  version: string;
  checkDatabase: () => Promise<boolean>;
  /** Sets req.principal from the bearer token or session cookie (http/authenticate.ts). */
  authenticate: express.RequestHandler;
  /** Feature routers under /api, in order. */
  apiRouters: express.Router[];
  /** Built SPA folder; served when it exists. */
  spaDistDir: string;
  /** Paints the input set list into index.html (features/input-sets/list-painter.ts); absent without the SPA's server build. */
  listPainter?: TListPainter | undefined;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For/-Proto are believed (req.ip for sign-in limits, req.secure for cookies). */
  trustProxy: string;
};

/** Express assembly only: middleware order, routers, error handler. */
export function createApp(deps: TAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // gzip for JSON and the SPA's assets (a 200-row list: 111 KiB -> 5 KiB); zips and
  // other incompressible types pass through as they are.
  app.use(compression());
  app.use(requestMetrics(deps.metrics));

  app.use(healthRoutes({ checkDatabase: deps.checkDatabase, metrics: deps.metrics }));
  app.use('/api', metaRoutes({ version: deps.version }));
  app.use('/api', deps.authenticate);
  for (const router of deps.apiRouters) app.use('/api', router);
  app.use('/api', notFoundHandler);
  app.use(
    spaRoutes({ distDir: deps.spaDistDir, authenticate: deps.authenticate, painter: deps.listPainter }),
  );

  app.use(problemDetailsHandler(deps.logger));
  return app;
}

export type TWorkerAppDeps = Pick<TAppDeps, 'logger' | 'metrics' | 'checkDatabase'>;

/**
 * The port of a SERVER_ROLE=worker process: /healthz, /readyz and /metrics for the
 * load balancer's and Prometheus's probes, and nothing else (no API, no SPA, no sign-in).
 */
export function createWorkerApp(deps: TWorkerAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes({ checkDatabase: deps.checkDatabase, metrics: deps.metrics }));
  app.use(notFoundHandler);
  app.use(problemDetailsHandler(deps.logger));
  return app;
}
