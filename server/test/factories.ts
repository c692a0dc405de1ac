import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { createRegion } from '../domains/regions/service.js';
import { createUserWithRole } from '../domains/accounts/service.js';
import type { Role } from '../domains/accounts/schema.js';
import type { RegionRow } from '../http/access.js';

export const TEST_PASSWORD = 'test-wachtwoord-123';

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** A region with (by default) two Westhoek municipalities. */
export async function regionFactory(db: Db, overrides: Partial<{ slug: string; name: string; description: string; municipalities: string[] }> = {}): Promise<RegionRow> {
  const slug = overrides.slug ?? unique('regio');
  return createRegion(db, {
    slug,
    name: overrides.name ?? `Regio ${slug}`,
    description: overrides.description ?? 'Een testregio',
    municipalities: overrides.municipalities ?? ['33011', '33021'],
  });
}

/** A user with a role in a region; the password is TEST_PASSWORD. */
export async function userFactory(db: Db, input: { regionSlug: string; role: Role; email?: string; name?: string }): Promise<{ userId: string; email: string }> {
  const email = input.email ?? `${unique(input.role)}@test.regiekamer.be`;
  const { userId } = await createUserWithRole(db, { email, name: input.name ?? `Test ${input.role}`, password: TEST_PASSWORD, regionSlug: input.regionSlug, role: input.role });
  return { userId, email };
}
