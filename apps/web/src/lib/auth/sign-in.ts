import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSession, TSignInRequest } from '@planning-hub/contracts/api/auth';
import { sessionAnswer } from '../first-page-answers';
import { API } from '../../config/paths';
import { apiRequest, setCsrfToken } from '../api-client';
import { sessionQueryOptions } from './get-session';

export async function signIn(request: TSignInRequest): Promise<TSession> {
  const session = await apiRequest(API.signIn, { method: 'POST', json: request, schema: sessionAnswer });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      // A different user may sign in on the same tab: forget what the last one saw.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}
