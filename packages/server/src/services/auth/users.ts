import { z } from 'zod';
import { ZRole, type TCurrentUser, type TRole } from '@planning-hub/contracts/api/auth';
import { AppError } from '../../errors/app-error';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { hashPassword } from './password-hash';

export const MIN_PASSWORD_LENGTH = 12;

const ZUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'use 1-64 letters, digits and . _ @ -, starting with a letter or digit');

const ZCreateUserInput = z.object({
  username: ZUsername,
  role: ZRole,
  employeeId: z.string().trim().min(1).max(64).nullable(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(256),
});

export type TUserSummary = TCurrentUser & { createdAt: Date; disabledAt: Date | null };

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw new AppError('bad_request', { message: `Invalid ${what}: ${detail}.` });
}

/** Creates a user who signs in with `password` (stored as a salted scrypt hash only). */
export async function createUser({
  prisma,
  username,
  role,
  employeeId = null,
  password,
}: {
  prisma: Pick<PrismaClient, 'user'>;
  username: string;
  role: TRole;
  employeeId?: string | null;
  password: string;
}): Promise<TUserSummary> {
  const input = parseOrThrow(ZCreateUserInput, { username, role, employeeId, password }, 'user');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { username: input.username, role: input.role, employeeId: input.employeeId, passwordHash },
    });
    return toSummary(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', { message: `User '${input.username}' already exists.`, cause: error });
    }
    throw error;
  }
}

/** Every user, by username; never the password hash. */
export async function listUsers({ prisma }: { prisma: Pick<PrismaClient, 'user'> }): Promise<TUserSummary[]> {
  const users = await prisma.user.findMany({ orderBy: { username: 'asc' } });
  return users.map(toSummary);
}

/** The user named `username`, or a not_found error that quotes it. */
export async function findUserOrThrow({
  prisma,
  username,
}: {
  prisma: Pick<PrismaClient, 'user'>;
  username: string;
}): Promise<{ id: number; username: string; disabledAt: Date | null }> {
  const user = await prisma.user.findUnique({ where: { username: username.trim() } });
  if (!user) throw new AppError('not_found', { message: `User '${username}' not found.`, hint: 'planning users list shows who exists.' });
  return user;
}

function toSummary(user: {
  username: string;
  role: TRole;
  employeeId: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}): TUserSummary {
  return {
    username: user.username,
    role: user.role,
    employeeId: user.employeeId,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
  };
}
