// Who the regisseur can pick from: the region's actors and its users.
import { asc, eq } from 'drizzle-orm';
import { memberships, users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import type { Executor } from './shared.js';

/** The region's actors and users, for the member and group pickers. */
export async function listMemberships(db: Executor, regionId: string) {
  const actorRows = await db.select({ id: actors.id, name: actors.name, municipalityNis: actors.municipalityNis }).from(actors).where(eq(actors.regionId, regionId)).orderBy(asc(actors.name));
  const userRows = await db.select({ id: users.id, name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.regionId, regionId)).orderBy(asc(users.name));
  return { actors: actorRows, users: userRows };
}
