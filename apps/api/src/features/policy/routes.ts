import { Router } from 'express';
import { POLICY_OPERATIONS } from '@planning-hub/contracts/api/operations/policy';
import type { TDatabase } from '@planning-hub/server/database/connect';
import { readChecks } from '@planning-hub/server/services/checks/read-checks';
import { getLabelPolicy, setLabelPolicy } from '@planning-hub/server/services/policy/label-policy';
import { getActor } from '../../http/authenticate';
import { mount } from '../../http/mount';

/**
 * Approval gates (docs/design.md section 11): a label's policy (read by anyone signed in,
 * changed by admins) and the findings of its checks stored on a revision.
 */
export function policyRoutes({ db }: { db: TDatabase }): Router {
  const router = Router();

  mount(router, POLICY_OPERATIONS.getPolicy, async ({ params }) => ({
    status: 200,
    body: await getLabelPolicy({ pool: db.pool, label: params.label }),
  }));

  mount(
    router,
    POLICY_OPERATIONS.putPolicy,
    async ({ req, params, body }) => {
      const actor = getActor(req);
      const stored = await setLabelPolicy({ pool: db.pool, label: params.label, document: body, actor });
      return { status: 200, body: stored };
    },
    { jsonLimit: '64kb' },
  );

  mount(router, POLICY_OPERATIONS.getChecks, async ({ params }) => ({
    status: 200,
    body: await readChecks({ pool: db.pool, ref: params.ref }),
  }));

  return router;
}
