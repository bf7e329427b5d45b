import { createQueryClient } from './app/query-client';
import { preloadLandingPage } from './app/landing-page';
import { loadFirstPageMessages } from './i18n/dictionaries';
import { readInitialLanguage } from './i18n/initial-language';
import { setRequestLanguage } from './lib/api-client';
import { sessionQueryOptions } from './lib/auth/get-session';
import './styles/app.css';
import './styles/typography.css';
import './styles/guidance.css';
import './styles/small-screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// What the first page needs, asked for at once and side by side (docs/performance.md,
// Browser): the reader's messages of the first page (a chunk of their own,
// i18n/dictionaries.ts), the session, and the list page's chunk and first page when the
// URL opens on it. This module
// imports neither React DOM nor the router, so these requests leave before the browser
// has run the app's largest chunk (app/render-app.tsx), which downloads beside them
// (index.html preloads it).
const language = readInitialLanguage();
setRequestLanguage(language);
const queryClient = createQueryClient();
let landingPage: Promise<unknown> = Promise.resolve();
if (!window.location.pathname.startsWith('/ui/sign-in')) {
  const session = queryClient.prefetchQuery(sessionQueryOptions());
  // On the list, index.html already shows the page's heading and intro (app/first-paint.ts):
  // the first render waits for the session too, so that it replaces them with the page itself,
  // not with "Checking session" for a moment.
  const list = preloadLandingPage(window.location, queryClient);
  if (list) landingPage = Promise.all([session, list]);
}

void Promise.all([import('./app/render-app'), loadFirstPageMessages(language), landingPage]).then(
  ([{ renderApp }]) => renderApp(root, queryClient),
);
