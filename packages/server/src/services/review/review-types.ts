import type pg from 'pg';
import type { TMetrics } from '../../observability/metrics';

/** What every review transition needs: the pool (it opens its own transaction) and, optionally, metrics. */
export type TReviewDeps = {
  pool: pg.Pool;
  metrics?: Pick<TMetrics, 'reviews'> | undefined;
};
