import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../config/paths';
import { listInputSetsQueryOptions } from '../features/input-sets/api/list-input-sets';
import { readListFilters } from '../features/input-sets/list-query';
import { pageLoader } from './lazy-page';

/** The chunk of the page /ui opens on (the input set list); route-config.tsx renders it. */
export const loadInputSetsPage = pageLoader(() => import('../features/input-sets/pages/input-sets-page'));

/**
 * When the URL opens on the input set list, asks for its chunk and its first page at once,
 * beside the session and the messages (main.tsx), instead of after the session has answered
 * and the shell has rendered: the list request is not made to wait for the session (the API
 * refuses it without one, and then the guard sends the reader to sign in, whose success drops
 * every cached query). The promise settles when the page's chunk has arrived or failed, so
 * that the first render can show the page without a loading state (docs/performance.md,
 * Browser); there is none for any other URL.
 */
export function preloadLandingPage(
  { pathname, search }: { pathname: string; search: string },
  queryClient: QueryClient,
): Promise<void> | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path !== paths.home.path && path !== '/ui' && path !== paths.inputSets.path) return undefined;
  // `/` and `/ui` redirect to the list without filters.
  const listSearch = path === paths.inputSets.path ? search : '';
  void queryClient.prefetchInfiniteQuery(
    listInputSetsQueryOptions(readListFilters(new URLSearchParams(listSearch))),
  );
  return loadInputSetsPage().then(
    () => undefined,
    // The route's own lazy load tries again and shows the error.
    () => undefined,
  );
}
