import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPlan, type TPlan, type TUpdatePlanRequest } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { plansQueryOptions } from './list-plans';

/** PATCH API.plan(id): links the plan to another label (runbook 5: "re-link the Plan to a new Ready set"); null unlinks it. */
export function updatePlan({ id, request }: { id: string; request: TUpdatePlanRequest }): Promise<TPlan> {
  return apiRequest(API.plan(id), { method: 'PATCH', json: request, schema: ZPlan });
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansQueryOptions().queryKey }),
  });
}
