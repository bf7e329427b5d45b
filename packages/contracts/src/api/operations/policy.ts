import { ZChecksResponse, ZLabelPolicy, ZPolicyDocument, ZPutPolicyResponse } from '../policy';
import { defineOperations, problem } from './define-operation';

/** Approval gates (docs/design.md section 11). */
export const POLICY_OPERATIONS = defineOperations({
  getPolicy: {
    method: 'get',
    path: '/api/plans/input_sets/{label}/policy',
    summary:
      "The label's approval-gate policy: its checks, their severities and thresholds, and the diff's default tolerances (the default policy, version 0, when it has none)",
    role: 'viewer',
    responses: {
      200: { description: 'The current version', schema: ZLabelPolicy },
      400: problem('Not a label'),
    },
  },
  putPolicy: {
    method: 'put',
    path: '/api/plans/input_sets/{label}/policy',
    summary:
      "Store the next version of the label's policy, with a policy_update event (drafts stored later are checked with it)",
    role: 'admin',
    body: { contentType: 'application/json', schema: ZPolicyDocument },
    responses: {
      200: { description: 'The new version and its event', schema: ZPutPolicyResponse },
      400: problem('Not a label, or not a policy document (the records are in `errors`)'),
    },
  },
  getChecks: {
    method: 'get',
    path: '/api/plans/input_sets/{ref}/checks',
    summary:
      'What the approval gates found when the revision was stored as a draft, against the ready revision of that moment',
    role: 'viewer',
    responses: {
      200: { description: 'Outcome per check and the stored findings', schema: ZChecksResponse },
      404: problem("Input set 'foo' not found."),
    },
  },
});
