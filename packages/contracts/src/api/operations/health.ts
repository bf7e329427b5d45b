import { z } from 'zod';
import { ZHealth, ZReadiness } from '../health';
import { defineOperations } from './define-operation';

/** Probes, metrics and this document itself: public, outside the /api routers' authentication. */
export const HEALTH_OPERATIONS = defineOperations({
  getHealth: {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    responses: { 200: { description: 'Alive', schema: ZHealth } },
  },
  getReadiness: {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness (checks the database)',
    responses: {
      200: { description: 'Ready', schema: ZReadiness },
      503: { description: 'Not ready', schema: ZReadiness },
    },
  },
  getMetrics: {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain' } },
  },
  getOpenApi: {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document, generated from the operations of packages/contracts',
    responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
  },
});
