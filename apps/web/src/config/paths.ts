import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';

/** Every API path, as the contract lists them. */
export { API } from '@planning-hub/contracts/api/routes';

/**
 * A reference in an SPA URL: encoded like any path segment, but `@` stays readable
 * (`/ui/plans/input_sets/foo@draft`), as operators paste these links into tickets.
 */
export function encodeRefSegment(ref: string): string {
  return encodeURIComponent(ref).replace(/%40/g, '@');
}

export type TInputSetListQuery = { status?: TInputSetStatus; search?: string };

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const INPUT_SETS = '/ui/plans/input_sets';
/** The upload page (docs/design.md section 8). */
const UPLOAD_PAGE = `${INPUT_SETS}/upload`;
/**
 * A revision's page. `upload` is a valid label, but its bare URL is the upload
 * page: its Overview is linked as `.../upload/overview`, an alias every revision
 * has. Its other tabs (`upload/review`, `upload/diff`, ...) and `upload@draft`
 * do not collide.
 */
const inputSetBase = (ref: string) => `${INPUT_SETS}/${encodeRefSegment(ref)}`;
const inputSetHome = (ref: string) =>
  `${INPUT_SETS}/${ref}` === UPLOAD_PAGE ? `${inputSetBase(ref)}/overview` : inputSetBase(ref);

/** Every URL of the SPA. `path` is the router pattern, `getHref` builds a link. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  signIn: {
    path: '/ui/sign-in',
    getHref: (next?: string) => withQuery('/ui/sign-in', { next }),
  },
  inputSets: {
    path: INPUT_SETS,
    getHref: (query: TInputSetListQuery = {}) => withQuery(INPUT_SETS, query),
  },
  upload: { path: UPLOAD_PAGE, getHref: () => UPLOAD_PAGE },
  inputSet: { path: `${INPUT_SETS}/:ref`, getHref: (ref: string) => inputSetHome(ref) },
  /** The Overview tab under an explicit name, for the label named `upload`. */
  inputSetOverview: { path: 'overview' },
  inputSetDiff: {
    path: 'diff',
    getHref: (ref: string, query: { against?: string } = {}) => withQuery(`${inputSetBase(ref)}/diff`, query),
  },
  inputSetReview: { path: 'review', getHref: (ref: string) => `${inputSetBase(ref)}/review` },
  inputSetHistory: { path: 'history', getHref: (ref: string) => `${inputSetBase(ref)}/history` },
  plans: { path: '/ui/plans', getHref: () => '/ui/plans' },
  /** The exact revision a run used: `foo@r3` stays the same after newer approvals. */
  runInputSet: { getHref: (label: string, revision: number) => inputSetHome(`${label}@r${revision}`) },
  run: { path: '/ui/runs/:id', getHref: (id: string) => `/ui/runs/${encodeURIComponent(id)}` },
} as const;

/**
 * Where to go after signing in: only a path inside the SPA, so a crafted
 * `?next=https://evil.example` link cannot send the user elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.inputSets.getHref();
  }
  if (next.startsWith(paths.signIn.path)) return paths.inputSets.getHref();
  return next;
}
