import { ZBrowserSession, ZSession, ZSignInRequest } from '../auth';
import { ZCreatedToken, ZLoginTokenRequest } from '../tokens';
import { defineOperations, problem } from './define-operation';

export const AUTH_OPERATIONS = defineOperations({
  signIn: {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with a password; sets the session cookie',
    body: { contentType: 'application/json', schema: ZSignInRequest },
    responses: {
      200: { description: 'Signed in', schema: ZSession },
      401: problem('Wrong credentials'),
      429: problem('Too many attempts'),
    },
  },
  createLoginToken: {
    method: 'post',
    path: '/api/auth/tokens',
    summary:
      'planning login: trade a username and password for a personal API token (rate-limited like sign-in)',
    body: { contentType: 'application/json', schema: ZLoginTokenRequest },
    responses: {
      201: { description: 'The token; its secret is shown only here', schema: ZCreatedToken },
      401: problem('Wrong username or password (also for disabled users and local operators)'),
      429: problem('Too many attempts'),
    },
  },
  signOut: {
    method: 'post',
    path: '/api/auth/sign-out',
    summary: 'Sign out: ends the session, or revokes the API token the request came with (planning logout)',
    role: 'viewer',
    responses: { 204: { description: 'Signed out' } },
  },
  getMe: {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user, how they authenticated, and the CSRF token',
    role: 'viewer',
    responses: { 200: { description: 'Session', schema: ZSession }, 401: problem('Not signed in') },
  },
  openBrowserSession: {
    method: 'post',
    path: '/api/auth/browser-session',
    summary:
      'A 10-minute browser session for the same user, for token and local operator callers (planning evidence)',
    role: 'viewer',
    responses: {
      201: { description: 'The session cookie to set', schema: ZBrowserSession },
      400: problem('The caller has a browser session already'),
    },
  },
});
