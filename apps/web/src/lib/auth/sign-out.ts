import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '../../config/paths';
import { apiRequest, setCsrfToken, ZIgnoredBody } from '../api-client';

export async function signOut(): Promise<void> {
  await apiRequest(API.signOut, { method: 'POST', schema: ZIgnoredBody });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Even if the server call fails, nothing of the session stays in this tab.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}
