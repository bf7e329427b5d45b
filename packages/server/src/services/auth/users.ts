import { z } from 'zod';
import { hasRole, ZRole, type TRole } from '@planning-hub/contracts/api/auth';
import {
  ZPassword,
  ZUsername,
  type TUserChangeResponse,
  type TUserSummary,
} from '@planning-hub/contracts/api/users';
import { isUniqueViolation } from '../../data/unique-violation';
import {
  endUserAccess,
  findUserByUsername,
  insertUser,
  listUsers as listUserRows,
  updateUser as updateUserRow,
} from '../../data/users';
import { AppError, hintOf } from '../../errors/app-error';
import type { PrismaClient } from '../../generated/prisma/client';
import type { TActor } from './actor';
import { hashPassword } from './password-hash';

const ZEmployeeId = z.string().trim().min(1).max(64).nullable();

const ZCreateUserInput = z.object({
  username: ZUsername,
  role: ZRole,
  employeeId: ZEmployeeId,
  password: ZPassword,
});

type TUserPrisma = Pick<PrismaClient, 'user'>;
/** What a change that ends a user's access needs: one transaction over users, sessions and tokens. */
type TUserChangePrisma = Pick<PrismaClient, '$transaction'>;
type TUserRow = {
  id: number;
  username: string;
  role: TRole;
  employeeId: string | null;
  kind: 'person' | 'local';
  createdAt: Date;
  disabledAt: Date | null;
};

/** What a refused input is, in the message: its code and the name zod's issues fall back on. */
const INVALID_INPUT = {
  user: 'error.user.invalid_user',
  'employee id': 'error.user.invalid_employee_id',
  password: 'error.user.invalid_password',
} as const;

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: keyof typeof INVALID_INPUT): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw new AppError('bad_request', INVALID_INPUT[what], { detail });
}

/** Creates a person who signs in with `password` (stored as a salted scrypt hash only). */
export async function createUser({
  prisma,
  username,
  role,
  employeeId = null,
  password,
}: {
  prisma: TUserPrisma;
  username: string;
  role: TRole;
  employeeId?: string | null;
  password: string;
}): Promise<TUserSummary> {
  const input = parseOrThrow(ZCreateUserInput, { username, role, employeeId, password }, 'user');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await insertUser(prisma, {
      username: input.username,
      role: input.role,
      employeeId: input.employeeId,
      passwordHash,
      kind: 'person',
    });
    return toSummary(user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'error.user.exists', { username: input.username }, { cause: error });
    }
    throw error;
  }
}

/** Every user, people and local operators, by username; never the password hash. */
export async function listUsers({ prisma }: { prisma: TUserPrisma }): Promise<TUserSummary[]> {
  return (await listUserRows(prisma)).map(toSummary);
}

/** The user named `username`, or a not_found error that quotes it. */
export async function findUserOrThrow({
  prisma,
  username,
}: {
  prisma: TUserPrisma;
  username: string;
}): Promise<TUserRow> {
  const user = await findUserByUsername(prisma, username.trim());
  if (!user)
    throw new AppError(
      'not_found',
      'error.user.not_found',
      { username },
      { hint: hintOf('hint.user.list', {}) },
    );
  return user;
}

/**
 * Changes a user's role, employee id or disabled state. Disabling ends all their
 * sessions and revokes all their tokens in the same transaction; enabling again
 * brings none of them back. An admin cannot disable themself or lower their own
 * role, so that an installation always keeps the admin who is changing it.
 */
export async function updateUser({
  prisma,
  actor,
  username,
  role,
  employeeId,
  disabled,
}: {
  prisma: TUserChangePrisma;
  actor: Pick<TActor, 'userId'>;
  username: string;
  role?: TRole | undefined;
  /** null clears it; undefined leaves it. */
  employeeId?: string | null | undefined;
  disabled?: boolean | undefined;
}): Promise<TUserChangeResponse> {
  const newEmployeeId =
    employeeId === undefined ? undefined : parseOrThrow(ZEmployeeId, employeeId, 'employee id');
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow({ prisma: tx, username });
    if (user.id === actor.userId && disabled === true) {
      throw new AppError('conflict', 'error.user.cannot_disable_self', { username: user.username });
    }
    if (user.id === actor.userId && role !== undefined && !hasRole(role, user.role)) {
      throw new AppError('conflict', 'error.user.cannot_lower_own_role', {
        username: user.username,
        from: user.role,
        to: role,
      });
    }
    const disabledAt =
      disabled === undefined ? user.disabledAt : disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await updateUserRow(tx, user.id, { role, employeeId: newEmployeeId, disabledAt });
    const ended =
      disabled === true
        ? await endUserAccess(tx, user.id, new Date())
        : { endedSessions: 0, revokedTokens: 0 };
    return { ...toSummary(updated), ...ended };
  });
}

/**
 * Sets a person's password and ends all their sessions and tokens in one transaction,
 * so whoever knew the old password (or holds a token made with it) is out at once.
 */
export async function resetPassword({
  prisma,
  username,
  password,
}: {
  prisma: TUserChangePrisma;
  username: string;
  password: string;
}): Promise<TUserChangeResponse> {
  const input = parseOrThrow(ZPassword, password, 'password');
  // scrypt takes a while: hash before the transaction, not inside it.
  const passwordHash = await hashPassword(input);
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow({ prisma: tx, username });
    if (user.kind === 'local') {
      throw new AppError(
        'bad_request',
        'error.user.local_has_no_password',
        { username: user.username },
        {
          hint: hintOf('hint.user.disable_instead', { username: user.username }),
        },
      );
    }
    const updated = await updateUserRow(tx, user.id, { passwordHash });
    return { ...toSummary(updated), ...(await endUserAccess(tx, user.id, new Date())) };
  });
}

function toSummary(user: TUserRow): TUserSummary {
  return {
    username: user.username,
    role: user.role,
    employeeId: user.employeeId,
    kind: user.kind,
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
  };
}
