/**
 * The list page's heading and intro in index.html, painted before any of the app's
 * JavaScript has run (docs/performance.md, Browser): the page's largest content, which
 * otherwise waits for React, the router, the messages and the session. Built into
 * index.html by vite.config.ts; React replaces it with the same heading and intro when it
 * renders. This module runs in Vite's config too, so it imports no runtime code;
 * first-paint.test.ts checks its constants against the app's.
 */

/** i18n/initial-language.ts's LANGUAGE_STORAGE_KEY. */
export const FIRST_PAINT_STORAGE_KEY = 'planning-hub.language';
/** The contracts' LANGUAGES. */
export const FIRST_PAINT_LANGUAGES = ['en', 'ja'] as const;
/** URLs that show the input set list: `/` and `/ui` redirect to it (app/route-config.tsx). */
export const FIRST_PAINT_LIST_PATHS = ['/', '/ui', '/ui/plans/input_sets'] as const;

type TShellMessages = Record<'app.name' | 'list.title' | 'list.intro', string>;

/**
 * A classic script run before the body is parsed (CSP allows scripts from the page's own
 * origin only, so it is a file): sets `<html lang>` to the reader's language the way
 * i18n/translate.ts's pickInitialLanguage picks it, and marks a URL that opens on the list,
 * so that CSS shows the shell in that language, and nothing on any other page.
 */
export function firstPaintScript(): string {
  return `(function () {
  var root = document.documentElement;
  var languages = ${JSON.stringify(FIRST_PAINT_LANGUAGES)};
  var stored = null;
  try {
    stored = window.localStorage.getItem(${JSON.stringify(FIRST_PAINT_STORAGE_KEY)});
  } catch (error) {}
  var tags = navigator.languages || [navigator.language];
  var japanese = false;
  for (var i = 0; i < tags.length; i++) if (String(tags[i]).toLowerCase().indexOf('ja') === 0) japanese = true;
  root.lang = languages.indexOf(stored) >= 0 ? stored : japanese ? 'ja' : 'en';
  var path = window.location.pathname.replace(/\\/+$/, '') || '/';
  if (${JSON.stringify(FIRST_PAINT_LIST_PATHS)}.indexOf(path) >= 0) root.setAttribute('data-first-paint', 'list');
})();
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Where the API puts the list painted for a signed-in reader (server/paint-list-page.tsx),
 * before the heading and intro painted for everyone.
 */
export const FIRST_PAINT_PAGE_MARKER = '<!--painted-page-->';

/**
 * A page painted on the server in `language`: shown, as the heading and intro are, only
 * when the script picked the same language; then it stands in for that heading and intro
 * (FIRST_PAINT_CSS). When the reader's language differs, the heading and intro show as before.
 */
export function paintedPage(language: (typeof FIRST_PAINT_LANGUAGES)[number], html: string): string {
  return `<div class="first-paint-page" lang="${language}">${html}</div>`;
}

/**
 * The shell: the app's header (its brand) and the list page's heading and intro in each
 * language, with the classes AppLayout and InputSetsPage give them, so that React's render
 * lands on the same place. Hidden unless the script marked the list (CSS below).
 */
export function firstPaintShell(
  messages: Record<(typeof FIRST_PAINT_LANGUAGES)[number], TShellMessages>,
): string {
  const texts = FIRST_PAINT_LANGUAGES.map(
    (language) =>
      `<h1 lang="${language}">${escapeHtml(messages[language]['list.title'])}</h1>` +
      `<p class="muted" lang="${language}">${escapeHtml(messages[language]['list.intro'])}</p>`,
  ).join('');
  return (
    `<div class="app-shell first-paint"><header class="app-header"><span class="app-brand">` +
    `<span class="app-brand-mark" aria-hidden="true">P</span>${escapeHtml(messages.en['app.name'])}</span></header>` +
    `<main class="app-main">${FIRST_PAINT_PAGE_MARKER}<section class="stack first-paint-heading"><div class="page-header"><div>${texts}</div></div></section></main></div>`
  );
}

/** Shows the shell on the list only, in the page's language only; a painted page in that language in place of the heading and intro. */
export const FIRST_PAINT_CSS =
  '.first-paint{display:none}' +
  'html[data-first-paint="list"] .first-paint{display:block}' +
  FIRST_PAINT_LANGUAGES.map(
    (language) =>
      `html:not([lang="${language}"]) .first-paint [lang="${language}"]{display:none}` +
      `.first-paint-page[lang="${language}"]~.first-paint-heading [lang="${language}"]{display:none}`,
  ).join('');
