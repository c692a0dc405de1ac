// What the cooperative use cases share: the transaction type and small helpers.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { AppError } from '../../http/errors.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Names of users by id (for presenters). */
export async function userNames(db: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** 404 for anything that is not a UUID (route params are free text). */
export function assertUuid(id: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError('NOT_FOUND');
}

/** A stale optimistic version: 409 with the record as it is now. */
export function conflict(current: unknown): AppError {
  return new AppError('CONFLICT', {}, undefined, { current });
}
