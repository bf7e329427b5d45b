/**
 * Whether a Prisma write failed on a unique constraint (P2002): the row a service meant to
 * create exists already. The service decides what that means (a conflict, another
 * process that got there first).
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
