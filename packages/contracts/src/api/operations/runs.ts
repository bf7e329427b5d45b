import {
  ZCreatePlanRequest,
  ZCreatePlanRunRequest,
  ZCreateRunRequest,
  ZListPlansResponse,
  ZListRunsQuery,
  ZListRunsResponse,
  ZPlan,
  ZRunDetail,
  ZUpdatePlanRequest,
  ZUpdateRunNoteRequest,
} from '../runs';
import { defineOperations, problem } from './define-operation';

/** Plans and runs (docs/design.md section 7). */
export const RUN_OPERATIONS = defineOperations({
  listPlans: {
    method: 'get',
    path: '/api/plans',
    summary: 'Plans with their newest runs',
    role: 'viewer',
    responses: { 200: { description: 'Plans by name', schema: ZListPlansResponse } },
  },
  createPlan: {
    method: 'post',
    path: '/api/plans',
    summary: 'Create a plan, optionally linked to an input set label',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreatePlanRequest },
    responses: {
      201: { description: 'The plan', schema: ZPlan },
      400: problem('Bad name or label'),
      409: problem('The name is taken'),
    },
  },
  getPlan: {
    method: 'get',
    path: '/api/plans/{id}',
    summary: 'One plan with its newest runs',
    role: 'viewer',
    responses: { 200: { description: 'The plan', schema: ZPlan }, 404: problem("Plan 'x' not found.") },
  },
  updatePlan: {
    method: 'patch',
    path: '/api/plans/{id}',
    summary: 'Re-link a plan to another input set label (null unlinks it)',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZUpdatePlanRequest },
    responses: { 200: { description: 'The plan', schema: ZPlan }, 404: problem("Plan 'x' not found.") },
  },
  createPlanRun: {
    method: 'post',
    path: '/api/plans/{id}/runs',
    summary: "Run a plan with its default label, or the label given (entrypoint '/plans/{id}/runs')",
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreatePlanRunRequest },
    responses: {
      201: { description: 'The finished run: succeeded (maybe with warnings) or failed', schema: ZRunDetail },
      400: problem('A reference with @ instead of a label'),
      404: problem("Plan 'x' not found."),
    },
  },
  createRun: {
    method: 'post',
    path: '/api/runs',
    summary:
      "Start a run (entrypoint '/runs'): no label means Legacy mode, a label without a ready revision Missing InputSet",
    role: 'planner',
    body: { contentType: 'application/json', schema: ZCreateRunRequest },
    responses: {
      201: { description: 'The finished run: succeeded (maybe with warnings) or failed', schema: ZRunDetail },
      400: problem('A reference with @ instead of a label'),
      404: problem("Plan 'x' not found."),
    },
  },
  listRuns: {
    method: 'get',
    path: '/api/runs',
    summary: 'Newest runs (without their plan results)',
    role: 'viewer',
    query: ZListRunsQuery,
    responses: { 200: { description: 'Runs, newest first', schema: ZListRunsResponse } },
  },
  getRun: {
    method: 'get',
    path: '/api/runs/{id}',
    summary: 'One run: input set, warnings with fix commands, artifact sha256 and the plan result',
    role: 'viewer',
    responses: { 200: { description: 'The run', schema: ZRunDetail }, 404: problem("Run 'x' not found.") },
  },
  updateRunNote: {
    method: 'put',
    path: '/api/runs/{id}/note',
    summary: 'Set the run note (Legacy mode exception: CSV evidence and reason)',
    role: 'planner',
    body: { contentType: 'application/json', schema: ZUpdateRunNoteRequest },
    responses: { 200: { description: 'The run', schema: ZRunDetail }, 404: problem("Run 'x' not found.") },
  },
  getRunArtifact: {
    method: 'get',
    // INPUT_SET_ARTIFACT of ../runs, spelled out so that the path stays a literal type.
    path: '/api/runs/{id}/artifacts/planning_input_set.json',
    summary: 'The exact bytes of the run snapshot; X-Content-SHA256 (and ETag, Digest) carry its sha256',
    role: 'viewer',
    responses: {
      200: { description: 'planning_input_set.json', contentType: 'application/json' },
      404: problem('The run wrote no artifact, or it is missing from the artifact store'),
    },
  },
});
