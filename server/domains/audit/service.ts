import type { Db } from '../../db/client.js';
import { auditLog, type FieldChanges } from './schema.js';

type Executor = Pick<Db, 'insert'>;

export interface ChangeRecord {
  regionId: string | null;
  userId: string | null;
  entityType: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  changes?: FieldChanges;
}

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordChange(executor: Executor, record: ChangeRecord): Promise<void> {
  await executor.insert(auditLog).values({ ...record, changes: record.changes ?? {} });
}

/** Field-level before/after for the fields that differ (arrays and objects compared by value). */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after)) {
    const previous = before[key];
    const next = after[key];
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[key] = { before: previous ?? null, after: next ?? null };
  }
  return changes;
}
