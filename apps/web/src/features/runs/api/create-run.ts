import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRunDetail, type TCreateRunRequest, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { runQueryOptions } from './get-run';
import { plansQueryOptions } from './list-plans';
import { RUN_LISTS_KEY } from './list-runs';

/**
 * Starts a run: POST API.planRuns(plan) for a plan (its default label applies when
 * none is given), POST API.runs otherwise. No label at all is Legacy mode.
 */
export function createRun({
  planId,
  ...body
}: Omit<TCreateRunRequest, 'plan_id'> & { planId?: string | undefined }): Promise<TRunDetail> {
  const path = planId ? API.planRuns(planId) : API.runs;
  return apiRequest(path, { method: 'POST', json: body, schema: ZRunDetail });
}

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRun,
    onSuccess: (run) => {
      queryClient.setQueryData(runQueryOptions(run.id).queryKey, run);
      void queryClient.invalidateQueries({ queryKey: plansQueryOptions().queryKey });
      void queryClient.invalidateQueries({ queryKey: RUN_LISTS_KEY });
    },
  });
}
