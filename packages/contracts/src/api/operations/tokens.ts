import {
  ZCreatedToken,
  ZCreateTokenRequest,
  ZListTokensQuery,
  ZListTokensResponse,
  ZRevokeTokenRequest,
  ZRevokeTokenResponse,
} from '../tokens';
import { defineOperations, problem } from './define-operation';

export const TOKEN_OPERATIONS = defineOperations({
  listTokens: {
    method: 'get',
    path: '/api/tokens',
    summary: 'Your API tokens; admins may name any user',
    role: 'viewer',
    query: ZListTokensQuery,
    responses: {
      200: { description: 'Tokens, newest first, without secrets', schema: ZListTokensResponse },
      404: problem("User 'x' not found."),
    },
  },
  createToken: {
    method: 'post',
    path: '/api/tokens',
    summary: 'Create an API token for yourself; admins may name another user (never a local operator)',
    role: 'viewer',
    body: { contentType: 'application/json', schema: ZCreateTokenRequest },
    responses: {
      201: { description: 'The token; its secret is shown only here', schema: ZCreatedToken },
      400: problem('A local operator user, or a bad name or lifetime'),
      404: problem("User 'x' not found."),
      409: problem('The user is disabled'),
    },
  },
  revokeToken: {
    method: 'post',
    path: '/api/tokens/revoke',
    summary: "Revoke an API token by prefix or id: yours, or anyone's for admins",
    role: 'viewer',
    body: { contentType: 'application/json', schema: ZRevokeTokenRequest },
    responses: {
      200: { description: 'The token; wasRevoked says it was revoked before', schema: ZRevokeTokenResponse },
      404: problem("API token with prefix 'x' not found (also someone else's, for non-admins)"),
      409: problem('Several tokens have that prefix'),
    },
  },
});
