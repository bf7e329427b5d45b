import { API } from '@planning-hub/contracts/api/routes';

/** `fetch` against one API instance: `TTestServer['fetch']`, or a test's own `call`. */
export type TFetchApi = (urlPath: string, init?: RequestInit) => Promise<Response>;

/**
 * POST /api/auth/sign-in with a JSON body, as the sign-in form sends it. `body` is sent
 * as given, so a test can also send one that is not a sign-in request; `headers` go
 * along (a cookie the browser already has, X-Forwarded-Proto from a proxy).
 */
export function postSignIn(
  fetchApi: TFetchApi,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetchApi(API.signIn, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
