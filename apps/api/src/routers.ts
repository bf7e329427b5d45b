import type { Router } from 'express';
import type { TRuntime } from '@planning-hub/server/runtime';

/** Feature routers mounted under /api, wired to their services. */
export async function buildApiRouters(_runtime: TRuntime): Promise<Router[]> {
  return [];
}
