import { Suspense, type ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { LoadingState } from '../components/ui/state-views';
import { AppLayout } from './layout/app-layout';
import { RequireRole } from './layout/require-role';
import { RequireSession } from './layout/require-session';
import { loadPageMessages } from '../i18n/dictionaries';
import { loadInputSetsPage } from './landing-page';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './routes/not-found-page';

/**
 * A page other than the input set list and sign-in: lazyPage over its chunk and every
 * page's messages, which the first page loads without (i18n/dictionaries.ts).
 */
function lazyPageWithMessages<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): ComponentType {
  return lazyPage(() => Promise.all([load(), loadPageMessages()]).then(([module]) => module), name);
}

const SignInPage = lazyPage(() => import('../features/auth/sign-in-page'), 'SignInPage');
const InputSetsPage = lazyPage(loadInputSetsPage, 'InputSetsPage');
const UploadPage = lazyPageWithMessages(() => import('../features/upload/upload-page'), 'UploadPage');
const InputSetDetailLayout = lazyPageWithMessages(
  () => import('../features/input-sets/pages/input-set-detail-layout'),
  'InputSetDetailLayout',
);
const OverviewTab = lazyPageWithMessages(
  () => import('../features/input-sets/pages/overview-tab'),
  'OverviewTab',
);
const DiffTab = lazyPageWithMessages(() => import('./routes/input-set-diff-route'), 'InputSetDiffRoute');
const ReviewTab = lazyPageWithMessages(
  () => import('./routes/input-set-review-route'),
  'InputSetReviewRoute',
);
const HistoryTab = lazyPageWithMessages(
  () => import('./routes/input-set-history-route'),
  'InputSetHistoryRoute',
);
const PlansPage = lazyPageWithMessages(() => import('./routes/plans-route'), 'PlansRoute');
const RunPage = lazyPageWithMessages(() => import('../features/runs/pages/run-page'), 'RunPage');

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
