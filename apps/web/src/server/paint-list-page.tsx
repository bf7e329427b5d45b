import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TSession } from '@planning-hub/contracts/api/auth';
import type { TListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { FIRST_PAINT_PAGE_MARKER, paintedPage } from '../app/first-paint';
import { PaintedProvider } from '../lib/painted-context';
import { paths } from '../config/paths';
import { listInputSetsQueryOptions } from '../features/input-sets/api/list-input-sets';
import { readListFilters } from '../features/input-sets/list-query';
import { InputSetsPage } from '../features/input-sets/pages/input-sets-page';
import { en, type TMessages } from '../i18n/en';
import { createI18nValue, I18nContext } from '../i18n/i18n-context';
import { ja } from '../i18n/ja';
import { pickInitialLanguage, type TLanguage } from '../i18n/translate';
import { sessionQueryOptions } from '../lib/auth/get-session';

/** The URLs the API paints (those that open on the list) and the cookie that names the reader's language. */
export { FIRST_PAINT_LIST_PATHS as PAINTED_LIST_PATHS } from '../app/first-paint';
export { LANGUAGE_COOKIE } from '../i18n/initial-language';

/**
 * The reader's language as the SPA picks it (i18n/translate.ts): the choice it keeps, here
 * from its cookie, else Japanese when any language the browser asks for is, else English.
 */
export function readerLanguage(chosen: string | undefined, acceptLanguage: string | undefined): TLanguage {
  return pickInitialLanguage(
    chosen ?? null,
    (acceptLanguage ?? '').split(',').map((tag) => tag.trim()),
  );
}

/**
 * The first page's messages only: the list names no other (i18n/first-page-messages.test.ts),
 * so they stand for the whole set here.
 */
const FIRST_PAGE_MESSAGES = { en, ja } as unknown as Record<TLanguage, TMessages>;

/** index.html's start tag as apps/web/index.html has it. */
const HTML_START = /<html lang="[a-z]+">/;
/** The first-paint script's tag as vite.config.ts writes it (its name carries its hash). */
const FIRST_PAINT_SCRIPT = /<script src="[^"]*\/assets\/first-paint-[0-9a-f]+\.js"><\/script>\s*/;

export type TPaintListPageInput = {
  /** index.html as the build wrote it (app/first-paint.ts's shell in #root). */
  indexHtml: string;
  /** The URL's query (`?status=draft&search=weekly`), or '' for `/` and `/ui`. */
  search: string;
  language: TLanguage;
  /** The reader's session as GET /api/auth/me answers it; the page reads only the role. */
  session: TSession;
  /** The list's first page, as GET /api/plans/input_sets answers the SPA's first request. */
  answer: TListInputSetsResponse;
};

/**
 * index.html with the input set list painted in, for a signed-in reader (docs/design.md
 * section 8): the page component itself, rendered by React on the server from the same
 * answer the SPA asks for first, so that the list is read and its links followed before
 * any script has arrived. React replaces it when the app renders (main.tsx), as it
 * replaces the heading and intro painted for everyone (app/first-paint.ts). The API loads
 * this module from the build (apps/web/dist-server) and supplies the session and answer.
 */
export function paintListPage({ indexHtml, search, language, session, answer }: TPaintListPageInput): string {
  if (!HTML_START.test(indexHtml)) throw new Error('index.html has no <html lang="…"> to paint');
  if (!indexHtml.includes(FIRST_PAINT_PAGE_MARKER))
    throw new Error(`index.html has no ${FIRST_PAINT_PAGE_MARKER}: it was not built with app/first-paint.ts`);
  // Only what the page reads; the session's CSRF token never goes into the HTML.
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(sessionQueryOptions().queryKey, { ...session, csrfToken: '' });
  // No next page: the table then renders each painted row (its virtualizer, once loaded,
  // would render only a spacer here, with no screen to measure); the count still says how
  // many there are in all, and the app shows the rest when it takes over.
  queryClient.setQueryData(listInputSetsQueryOptions(readListFilters(new URLSearchParams(search))).queryKey, {
    pages: [{ ...answer, nextOffset: null }],
    pageParams: [0],
  });
  const page = renderToString(
    <I18nContext.Provider value={createI18nValue(language, FIRST_PAGE_MESSAGES[language])}>
      <QueryClientProvider client={queryClient}>
        <PaintedProvider value={true}>
          <StaticRouter location={`${paths.inputSets.getHref()}${search}`}>
            <InputSetsPage />
          </StaticRouter>
        </PaintedProvider>
      </QueryClientProvider>
    </I18nContext.Provider>,
  );
  queryClient.clear();
  // What app/first-paint.ts's script would set, set here, and the script left out: it blocks
  // the parser until it has arrived, and the painted page needs no script at all.
  return indexHtml
    .replace(HTML_START, `<html lang="${language}" data-first-paint="list">`)
    .replace(FIRST_PAINT_SCRIPT, '')
    .replace(FIRST_PAINT_PAGE_MARKER, paintedPage(language, page));
}
