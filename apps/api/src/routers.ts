import type { Router } from 'express';
import type { TRuntime } from '@planning-hub/server/runtime';
import { adminRoutes } from './features/admin/routes';
import { authRoutes } from './features/auth/routes';
import { diffRoutes } from './features/diff/routes';
import { inputSetRoutes } from './features/input-sets/routes';
import { policyRoutes } from './features/policy/routes';
import { reviewRoutes } from './features/review/routes';
import { runRoutes } from './features/runs/routes';
import { eventRoutes } from './features/events/routes';
import { tokenRoutes } from './features/tokens/routes';

/** Feature routers mounted under /api, wired to their services. */
export async function buildApiRouters(runtime: TRuntime): Promise<Router[]> {
  const { prisma } = runtime.db;
  return [
    authRoutes({ prisma, config: runtime.config }),
    tokenRoutes({ prisma }),
    adminRoutes({ prisma }),
    inputSetRoutes({ db: runtime.db, config: runtime.config, metrics: runtime.metrics }),
    diffRoutes({ runtime }),
    reviewRoutes({ db: runtime.db, metrics: runtime.metrics }),
    eventRoutes({ db: runtime.db }),
    policyRoutes({ db: runtime.db }),
    runRoutes({ db: runtime.db, config: runtime.config, metrics: runtime.metrics, logger: runtime.logger }),
  ];
}
