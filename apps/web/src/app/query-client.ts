import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';
import { sessionQueryOptions } from '../lib/auth/get-session';

/** Client errors (4xx) will not change on a retry; network and 5xx errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that expired mid-use: re-check it, and the auth guard sends the user to sign in.
        // Only a session known to be good: while its first check is on its way (main.tsx asks for
        // the list beside it) or has failed, the guard already acts on its answer.
        const sessionKey = sessionQueryOptions().queryKey;
        if (
          isApiError(error) &&
          error.status === 401 &&
          query.queryKey[0] !== 'auth' &&
          queryClient.getQueryState(sessionKey)?.status === 'success'
        ) {
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
