import {
  ZCreateUserRequest,
  ZListUsersResponse,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUserChangeResponse,
  ZUserSummary,
} from '../users';
import { defineOperations, problem } from './define-operation';

/** User administration (admin role). */
export const USER_OPERATIONS = defineOperations({
  listUsers: {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Every user, people and local operators',
    role: 'admin',
    responses: { 200: { description: 'Users by username', schema: ZListUsersResponse } },
  },
  createUser: {
    method: 'post',
    path: '/api/admin/users',
    summary: 'Create a person who signs in with a password',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZCreateUserRequest },
    responses: {
      201: { description: 'The user', schema: ZUserSummary },
      400: problem('Bad username, role or password'),
      409: problem("User 'x' already exists."),
    },
  },
  updateUser: {
    method: 'patch',
    path: '/api/admin/users/{username}',
    summary:
      'Change role, employee id or disabled (disabling ends all sessions and tokens); username may be local:<OS user>',
    role: 'admin',
    body: { contentType: 'application/json', schema: ZUpdateUserRequest },
    responses: {
      200: {
        description: 'The user, and the sessions and tokens the change ended',
        schema: ZUserChangeResponse,
      },
      404: problem("User 'x' not found."),
      409: problem('An admin cannot disable themself or lower their own role'),
    },
  },
  resetPassword: {
    method: 'post',
    path: '/api/admin/users/{username}/password',
    summary: "Set a person's password; ends all their sessions and tokens",
    role: 'admin',
    body: { contentType: 'application/json', schema: ZResetPasswordRequest },
    responses: {
      200: {
        description: 'The user, and the sessions and tokens the reset ended',
        schema: ZUserChangeResponse,
      },
      400: problem('A local operator has no password, or the password is too short'),
      404: problem("User 'x' not found."),
    },
  },
});
