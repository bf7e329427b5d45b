import { Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { sessionQueryOptions } from '../lib/auth/get-session';
import { LoadingState } from '../components/ui/state-views';
import { AppLayout } from './layout/app-layout';
import { RequireRole } from './layout/require-role';
import { RequireSession } from './layout/require-session';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './routes/not-found-page';

const SignInPage = lazyPage(() => import('../features/auth/sign-in-page'), 'SignInPage');
const loadInputSetsPage = () => import('../features/input-sets/pages/input-sets-page');
const InputSetsPage = lazyPage(loadInputSetsPage, 'InputSetsPage');
const UploadPage = lazyPage(() => import('../features/upload/upload-page'), 'UploadPage');
const InputSetDetailLayout = lazyPage(
  () => import('../features/input-sets/pages/input-set-detail-layout'),
  'InputSetDetailLayout',
);
const OverviewTab = lazyPage(() => import('../features/input-sets/pages/overview-tab'), 'OverviewTab');
const DiffTab = lazyPage(() => import('./routes/input-set-diff-route'), 'InputSetDiffRoute');
const ReviewTab = lazyPage(() => import('./routes/input-set-review-route'), 'InputSetReviewRoute');
const HistoryTab = lazyPage(() => import('./routes/input-set-history-route'), 'InputSetHistoryRoute');
const PlansPage = lazyPage(() => import('./routes/plans-route'), 'PlansRoute');
const RunPage = lazyPage(() => import('../features/runs/pages/run-page'), 'RunPage');

/**
 * Starts loading the chunk of the page /ui opens on (the input set list) while the entry
 * waits for the reader's messages and the session, instead of after them: a route chunk
 * is otherwise asked for only when its route renders. Once both the chunk and the
 * session (`session`, settled) are in, and the user is signed in, the list's first page
 * is asked for too, rather than after the shell and the page have rendered
 * (docs/performance.md, Browser).
 */
export function preloadLandingPage(
  { pathname, search }: { pathname: string; search: string },
  queryClient: QueryClient,
  session: Promise<unknown>,
): void {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path !== paths.home.path && path !== '/ui' && path !== paths.inputSets.path) return;
  // `/` and `/ui` redirect to the list without filters.
  const listSearch = path === paths.inputSets.path ? search : '';
  void Promise.all([loadInputSetsPage(), session]).then(([page]) => {
    if (queryClient.getQueryData(sessionQueryOptions().queryKey))
      void page.prefetchInputSetsList(queryClient, listSearch);
  });
}

/** docs/design.md section 8: every SPA URL lives under /ui. */
export const routes: RouteObject[] = [
  { path: paths.home.path, element: <Navigate to={paths.inputSets.getHref()} replace /> },
  {
    path: paths.signIn.path,
    element: (
      <Suspense fallback={<LoadingState />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { path: '/ui', element: <Navigate to={paths.inputSets.getHref()} replace /> },
      { path: paths.inputSets.path, element: <InputSetsPage /> },
      {
        path: paths.upload.path,
        element: (
          <RequireRole role="planner">
            <UploadPage />
          </RequireRole>
        ),
      },
      {
        path: paths.inputSet.path,
        element: <InputSetDetailLayout />,
        children: [
          { index: true, element: <OverviewTab /> },
          { path: paths.inputSetOverview.path, element: <OverviewTab /> },
          { path: paths.inputSetDiff.path, element: <DiffTab /> },
          { path: paths.inputSetReview.path, element: <ReviewTab /> },
          { path: paths.inputSetHistory.path, element: <HistoryTab /> },
        ],
      },
      { path: paths.plans.path, element: <PlansPage /> },
      { path: paths.run.path, element: <RunPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
