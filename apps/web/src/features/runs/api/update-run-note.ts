import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRunDetail, type TRunDetail } from '@planning-hub/contracts/api/runs';
import { API } from '../../../config/paths';
import { apiRequest } from '../../../lib/api-client';
import { runQueryOptions } from './get-run';

/** PUT API.runNote(id): the runbook's exception record for a Legacy mode run (evidence and reason). */
export function updateRunNote({ id, note }: { id: string; note: string }): Promise<TRunDetail> {
  return apiRequest(API.runNote(id), { method: 'PUT', json: { note }, schema: ZRunDetail });
}

export function useUpdateRunNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRunNote,
    onSuccess: (run) => queryClient.setQueryData(runQueryOptions(run.id).queryKey, run),
  });
}
