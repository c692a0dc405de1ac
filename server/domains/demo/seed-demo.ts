import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { createRegion } from '../regions/service.js';
import { createUserWithRole } from '../accounts/service.js';
import { demoRegions, demoUsers } from './demo-data.js';
import { DOMAINS, demoSeedOrder } from '../registry.js';

/** True when the database holds no region yet (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo regions and accounts; skips regions that already exist. */
export async function seedDemo(db: Db): Promise<{ regions: string[]; users: { email: string; password: string; roles: string }[] }> {
  const created: string[] = [];
  for (const region of demoRegions) {
    try {
      await createRegion(db, { ...region, municipalities: [...region.municipalities] });
      created.push(region.slug);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ALREADY_EXISTS') throw error;
    }
  }
  for (const user of demoUsers) {
    for (const grant of user.roles) {
      await createUserWithRole(db, {
        email: user.email,
        name: user.name,
        password: user.password,
        regionSlug: grant.region,
        role: grant.role,
      });
    }
  }
  // Each domain's own demo data, in the order their dependencies need (the network before the plans).
  for (const domain of demoSeedOrder(DOMAINS)) await domain.seedDemo?.({ db });
  return {
    regions: created,
    users: demoUsers.map((user) => ({
      email: user.email,
      password: user.password,
      roles: user.roles.map((grant) => `${grant.role} in ${grant.region}`).join(', '),
    })),
  };
}
