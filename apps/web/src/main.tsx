import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { AppRouter } from './app/router';
import { loadMessages } from './i18n/dictionaries';
import { readInitialLanguage } from './i18n/i18n-provider';
import './styles/app.css';
import './styles/typography.css';
import './styles/guidance.css';
import './styles/small-screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The reader's language is a chunk of its own (i18n/dictionaries.ts): the first render waits for it.
void loadMessages(readInitialLanguage()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  ),
);
