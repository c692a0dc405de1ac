// Types only from bench-kit.ts (a value import of ./run.js would deadlock on its top-level await).
import { measure, type BenchResult, type BenchSuite } from './bench-kit.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { createUserWithRole } from '../server/domains/accounts/service.js';
import { AppError } from '../server/http/errors.js';
import { createBooking, createItem, listItems } from '../server/domains/lending/service.js';
import { itemInputSchema } from '../common/schemas/lending.js';
import { lendingItemFactory } from '../server/domains/lending/factories.js';
import type { LendingViewer } from '../server/domains/lending/access.js';
import { addDays, todayInBrussels } from '../server/domains/lending/dates.js';
import { WESTHOEK } from './network.js';

const ITEMS = 300;
const KITS = 30;
const BOOKINGS_PER_ITEM = 10;
const BURST = 50;
const notes: string[] = [];

/** Lending pool: booking, the 50-request race for one unit, availability search (the database decides every overlap). */
export const lendingBench: BenchSuite = {
  title: `Lending pool (${ITEMS} items + ${KITS} kits of 2 parts, ${(ITEMS * BOOKINGS_PER_ITEM).toLocaleString('en')} bookings; ${BURST} simultaneous requests per unit)`,
  notes,
  async run({ databaseUrl }) {
    let database: DatabaseHandle;
    let dropDatabase: (() => Promise<void>) | undefined;
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl, 'rk_bench_lending');
      database = await openDatabase({ databaseUrl: scratch.url });
      dropDatabase = scratch.drop;
    } else {
      database = await openDatabase({});
    }
    try {
      await migrate(database);
      const region = await createRegion(database.db, { slug: 'bench-lending', name: 'Bench uitleendienst', municipalities: WESTHOEK });
      const { userId } = await createUserWithRole(database.db, { email: 'bench-lending@test.be', name: 'Bench', password: 'bench-wachtwoord-123', regionSlug: 'bench-lending', role: 'admin' });
      const [actor] = await database.raw.query<{ id: string }>("INSERT INTO actors (region_id, name, municipality_nis) VALUES ($1, 'Bench uitleendienst', '33011') RETURNING id", [region.id]);
      const viewer: LendingViewer = {
        region,
        user: { id: userId, email: 'bench-lending@test.be', name: 'Bench', locale: 'nl', memberships: [{ regionId: region.id, regionSlug: region.slug, role: 'admin', actorId: null }] },
        role: 'admin',
        userId,
        ownActorId: null,
      };
      const today = todayInBrussels();
      const items: string[] = [];
      for (let index = 0; index < ITEMS; index++) {
        items.push(await lendingItemFactory(database, region.id, actor!.id, { name: `Bench item ${index}`, units: 1 + (index % 4), municipality: WESTHOEK[index % WESTHOEK.length]!, bufferDays: index % 2 }));
      }
      // Kits make the search check every part's free units too (a kit is free only when all parts are).
      for (let index = 0; index < KITS; index++) {
        const parts = [items[index * 2]!, items[index * 2 + 1]!].map((itemId) => ({ itemId, quantity: 1 }));
        await createItem(database, viewer, itemInputSchema.parse({ name: `Bench kit ${index}`, kind: 'set', ownerActorId: actor!.id, municipality: WESTHOEK[index % WESTHOEK.length]!, kitParts: parts }));
      }
      const results: BenchResult[] = [];
      let counter = 0;
      results.push(
        await measure('one booking request (free units picked, constraint checked)', undefined, ITEMS * BOOKINGS_PER_ITEM, async () => {
          const index = counter++;
          const from = addDays(today, 1 + Math.floor(index / ITEMS) * 4);
          await createBooking(database, viewer, { itemId: items[index % ITEMS]!, from, to: addDays(from, 1), units: 1, borrowerActorId: actor!.id, note: '' }, today);
        }, { warmup: 0 }),
      );
      let bursts = 0;
      let exactlyOne = 0;
      results.push(
        await measure(`${BURST} simultaneous requests for the same unit and overlapping days (whole burst)`, undefined, 10, async () => {
          const itemId = await lendingItemFactory(database, region.id, actor!.id, { name: `Race ${bursts}` });
          bursts++;
          const outcomes = await Promise.all(
            Array.from({ length: BURST }, (_, index) =>
              createBooking(database, viewer, { itemId, from: addDays(today, 5 + (index % 3)), to: addDays(today, 7 + (index % 3)), units: 1, borrowerActorId: actor!.id, note: '' }, today).then(
                () => 'ok',
                (error: unknown) => (error instanceof AppError && error.code === 'BOOKING_OVERLAP' ? 'overlap' : Promise.reject(error)),
              ),
            ),
          );
          if (outcomes.filter((outcome) => outcome === 'ok').length === 1) exactlyOne++;
        }, { warmup: 0 }),
      );
      notes.push(`Races: ${exactlyOne} of ${bursts} bursts ended with exactly one booking and ${BURST - 1} × 409 BOOKING_OVERLAP (${databaseUrl ? 'PostgreSQL: truly concurrent transactions' : 'PGlite: one connection, transactions run one after another'}).`);
      results.push(
        await measure('availability search: free from–to within 15 km of Poperinge', undefined, 50, async (index) => {
          const from = addDays(today, 1 + (index % 20));
          await listItems(database, region.id, { from, to: addDays(from, 2), near: '33021', withinKm: 15, onlyFree: 'true' });
        }),
      );
      results.push(
        await measure(`availability search: free units of all ${ITEMS + KITS} items and kits for from–to, whole region`, undefined, 50, async (index) => {
          const from = addDays(today, 1 + (index % 20));
          await listItems(database, region.id, { from, to: addDays(from, 2) });
        }),
      );
      notes.push('The availability search counts free units set-based: one scan of the period index (lending_booking_units_period_idx, migration 0062) for the region-wide window, then each item’s buffer and each kit’s parts in SQL.');
      return results;
    } finally {
      await database.close();
      await dropDatabase?.();
    }
  },
};
