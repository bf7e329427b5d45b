import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from 'express';
import type { TSession } from '@planning-hub/contracts/api/auth';
import { hasRole } from '@planning-hub/contracts/api/auth-values';
import { ZListInputSetsQuery, type TListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import { isLanguage, type TLanguage } from '@planning-hub/contracts/messages/language';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TLogger } from '@planning-hub/server/observability/logger';
import { toCurrentUser } from '@planning-hub/server/services/auth/principal';
import { listInputSets } from '@planning-hub/server/services/input-sets/read-input-sets';
import { readCookie } from '../../http/authenticate';

/** What the SPA's build exports for the server (apps/web/src/server/paint-list-page.tsx). */
type TPaintModule = {
  paintListPage: (input: {
    indexHtml: string;
    search: string;
    language: TLanguage;
    session: TSession;
    answer: TListInputSetsResponse;
  }) => string;
  PAINTED_LIST_PATHS: readonly string[];
  LANGUAGE_COOKIE: string;
};

/**
 * Rows painted into the HTML: more than a screen holds, few enough that a page costs the
 * server a few milliseconds (docs/performance.md, Browser). The SPA shows the rest when
 * it renders.
 */
export const PAINTED_ROWS = 50;
/** Pages painted at once by this process; a request beyond them gets index.html as it is. */
const MAX_PAINTING = 2;
/** How long a page waits for the list before it goes out unpainted. */
const PAINT_BUDGET_MS = 250;

export type TListPainter = {
  /** The URLs that open on the input set list. */
  paths: readonly string[];
  /** index.html with the list painted in for this request's reader, or null to send it as it is. */
  paint: (req: Request, indexHtml: string) => Promise<string | null>;
};

/**
 * The reader's language as the SPA will pick it: the choice it keeps in a cookie beside
 * local storage, else Japanese when the browser asks for it, else English.
 */
function readerLanguage(req: Request, cookieName: string): TLanguage {
  const chosen = readCookie(req.headers.cookie, cookieName);
  if (isLanguage(chosen)) return chosen;
  const accepted = (req.get('accept-language') ?? '').split(',');
  return accepted.some((tag) => tag.trim().toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

/**
 * The list painted on the server for a signed-in browser (docs/design.md section 8), when
 * the SPA was built with its server module (apps/web/dist-server); undefined otherwise.
 * Painting is a courtesy, never a wait: a request without a browser session, with filters
 * the API would refuse, beyond MAX_PAINTING at once, or whose list takes longer than
 * PAINT_BUDGET_MS, gets index.html unpainted, and the SPA asks for the list as always.
 */
export async function createListPainter({
  db,
  home,
  logger,
}: {
  db: TDatabase;
  home: string;
  logger: TLogger;
}): Promise<TListPainter | undefined> {
  const file = path.join(home, 'apps', 'web', 'dist-server', 'paint-list-page.js');
  if (!existsSync(file)) return undefined;
  const painter = (await import(pathToFileURL(file).href)) as TPaintModule;
  let painting = 0;

  async function readList(search: string): Promise<TListInputSetsResponse | null> {
    const params = new URLSearchParams(search);
    const query = ZListInputSetsQuery.safeParse({
      status: params.get('status') || undefined,
      search: params.get('search')?.trim() || undefined,
      limit: PAINTED_ROWS,
      offset: 0,
    });
    if (!query.success) return null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), PAINT_BUDGET_MS);
    });
    try {
      return await Promise.race([listInputSets({ prisma: db.prisma }, query.data), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    paths: painter.PAINTED_LIST_PATHS,
    paint: async (req, indexHtml) => {
      const principal = req.principal;
      if (!principal || principal.via !== 'session') return null;
      if (!hasRole(principal.role, INPUT_SET_OPERATIONS.listInputSets.role)) return null;
      if (painting >= MAX_PAINTING) return null;
      painting += 1;
      try {
        const search = req.originalUrl.includes('?')
          ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
          : '';
        // `/` and `/ui` open the list without filters (the SPA redirects them).
        const filters = req.path.startsWith('/ui/') ? search : '';
        const answer = await readList(filters);
        if (!answer) return null;
        return painter.paintListPage({
          indexHtml,
          search: filters,
          language: readerLanguage(req, painter.LANGUAGE_COOKIE),
          session: {
            user: toCurrentUser(principal),
            csrfToken: '',
            via: principal.via,
            tokenExpiresAt: null,
          },
          answer,
        });
      } catch (error) {
        logger.warn(
          { err: error },
          'the input set list could not be painted into index.html; sent unpainted',
        );
        return null;
      } finally {
        painting -= 1;
      }
    },
  };
}
