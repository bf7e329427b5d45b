import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSession } from '@planning-hub/contracts/api/auth';
import { hasRole, type TRole } from '@planning-hub/contracts/api/auth-values';
import { sessionAnswer } from '../first-page-answers';
import { API } from '../../config/paths';
import { apiRequest, setCsrfToken } from '../api-client';

export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<TSession> {
  const session = await apiRequest(API.me, { schema: sessionAnswer, signal });
  setCsrfToken(session.csrfToken);
  return session;
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'session'],
    queryFn: ({ signal }) => getSession({ signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/**
 * Whether the signed-in user has at least `required`. The SPA only hides what a
 * role cannot do; the API refuses it regardless.
 */
export function useHasRole(required: TRole): boolean {
  const { data } = useSession();
  return data ? hasRole(data.user.role, required) : false;
}
