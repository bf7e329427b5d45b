import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { createQueryClient } from './app/query-client';
import { preloadLandingPage } from './app/route-config';
import { AppRouter } from './app/router';
import { loadMessages } from './i18n/dictionaries';
import { readInitialLanguage } from './i18n/i18n-provider';
import { setRequestLanguage } from './lib/api-client';
import { sessionQueryOptions } from './lib/auth/get-session';
import './styles/app.css';
import './styles/typography.css';
import './styles/guidance.css';
import './styles/small-screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// What the first page needs, asked for at once and side by side rather than one after
// another (docs/performance.md, Browser): the reader's messages (a chunk of their own,
// i18n/dictionaries.ts), the session, and the list page's chunk and first page when the
// URL opens on it.
const language = readInitialLanguage();
setRequestLanguage(language);
const queryClient = createQueryClient();
if (!window.location.pathname.startsWith('/ui/sign-in')) {
  const session = queryClient.prefetchQuery(sessionQueryOptions());
  preloadLandingPage(window.location, queryClient, session);
}

void loadMessages(language).then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  ),
);
