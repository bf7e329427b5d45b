import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPlan, type TCreatePlanRequest, type TPlan } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { plansQueryOptions } from './list-plans';

/** POST API.plans (planner): a named plan, optionally linked to a label whose ready revision its runs use. */
export function createPlan(request: TCreatePlanRequest): Promise<TPlan> {
  return apiRequest(API.plans, { method: 'POST', json: request, schema: ZPlan });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansQueryOptions().queryKey }),
  });
}
