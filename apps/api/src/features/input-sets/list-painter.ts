import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from 'express';
import type { TSession } from '@planning-hub/contracts/api/auth';
import { hasRole, type TRole } from '@planning-hub/contracts/api/auth-values';
import { ZListInputSetsQuery, type TListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import type { TLanguage } from '@planning-hub/contracts/messages/language';
import type { TDatabase } from '@planning-hub/server/database/connect';
import type { TLogger } from '@planning-hub/server/observability/logger';
import {
  listInputSets,
  readInputSetsVersion,
} from '@planning-hub/server/services/input-sets/read-input-sets';
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
  readerLanguage: (chosen: string | undefined, acceptLanguage: string | undefined) => TLanguage;
};

/**
 * Rows painted into the HTML: more than a screen holds, few enough that a page costs the
 * server about 6 ms of CPU (docs/performance.md, Browser). The SPA shows the rest when it
 * renders.
 */
export const PAINTED_ROWS = 30;
/** Pages painted at once by this process; a request beyond them gets index.html as it is. */
const MAX_PAINTING = 2;
/**
 * Pages painted anew per second by this process (a page painted before, for the same
 * list, language and role, costs none): a client that asks for ever new filters gets
 * index.html as it is past these, so that painting never takes more than a share of a core.
 */
const MAX_NEW_PAINTS_PER_SECOND = 10;
/** Painted pages kept, each for one list version, language, role and filters (about 65 KiB each). */
const MAX_KEPT = 64;
/** How long a page waits for the list (its version, then its rows) before it goes out unpainted. */
const PAINT_BUDGET_MS = 250;

/** index.html as the build wrote it, and a digest of it that names that build (http/spa.ts). */
export type TIndexHtml = { text: string; digest: string };

export type TListPainter = {
  /** The URLs that open on the input set list. */
  paths: readonly string[];
  /** index.html with the list painted in for this request's reader, or null to send it as it is. */
  paint: (req: Request, indexHtml: TIndexHtml) => Promise<string | null>;
};

/**
 * The list painted on the server for a signed-in browser (docs/design.md section 8), when
 * the SPA was built with its server module (apps/web/dist-server); undefined otherwise.
 * Painting is a courtesy, never a wait: a request without a browser session, with filters
 * the API would refuse, beyond MAX_PAINTING at once or MAX_NEW_PAINTS_PER_SECOND new pages,
 * or whose list takes longer than PAINT_BUDGET_MS, gets index.html unpainted, and the SPA
 * asks for the list as always. A page is painted once per list version, language, role and
 * filters, and kept (MAX_KEPT): a list read again and again costs a version read.
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
  // Pages kept by what they show: the list's version, index.html, the language, the role and the filters.
  const kept = new Map<string, string>();
  let second = 0;
  let newThisSecond = 0;

  /** Resolves to null when `work` ends after `deadline` (it then runs on, unheard). */
  async function within<T>(work: Promise<T>, deadline: number): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  function mayPaintAnew(): boolean {
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) {
      second = now;
      newThisSecond = 0;
    }
    if (newThisSecond >= MAX_NEW_PAINTS_PER_SECOND) return false;
    newThisSecond += 1;
    return true;
  }

  async function paintFor(req: Request, indexHtml: TIndexHtml, role: TRole): Promise<string | null> {
    // `/` and `/ui` open the list without filters (the SPA redirects them).
    const url = req.originalUrl;
    const search = req.path.startsWith('/ui/') && url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const params = new URLSearchParams(search);
    const query = ZListInputSetsQuery.safeParse({
      status: params.get('status') || undefined,
      search: params.get('search')?.trim() || undefined,
      limit: PAINTED_ROWS,
      offset: 0,
    });
    if (!query.success) return null;
    const language = painter.readerLanguage(
      readCookie(req.headers.cookie, painter.LANGUAGE_COOKIE),
      req.get('accept-language'),
    );
    const deadline = Date.now() + PAINT_BUDGET_MS;
    const version = await within(readInputSetsVersion(db.pool), deadline);
    if (version === null) return null;
    // index.html's digest too: a build while the server runs names new assets.
    const key = JSON.stringify([version, indexHtml.digest, language, role, search]);
    const found = kept.get(key);
    if (found !== undefined) {
      kept.delete(key);
      kept.set(key, found);
      return found;
    }
    if (!mayPaintAnew()) return null;
    const answer = await within(listInputSets({ prisma: db.prisma }, query.data), deadline);
    if (!answer) return null;
    const html = painter.paintListPage({
      indexHtml: indexHtml.text,
      search,
      language,
      // The page reads only the role; a page kept for others with the same role names no one.
      session: {
        user: { username: '', role, employeeId: null },
        csrfToken: '',
        via: 'session',
        tokenExpiresAt: null,
      },
      answer,
    });
    kept.set(key, html);
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_KEPT) break;
      kept.delete(oldest);
    }
    return html;
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
        return await paintFor(req, indexHtml, principal.role);
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
