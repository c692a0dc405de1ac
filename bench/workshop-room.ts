// Types only from bench-kit.ts (a value import of ./run.js would deadlock on its top-level await).
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { percentile, type BenchResult, type BenchSuite } from './bench-kit.js';
import { buildApp } from '../server/app.js';
import { parseEnv } from '../server/config/env.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { createUserWithRole } from '../server/domains/accounts/service.js';
import { connectSse, type SseConnection } from '../server/realtime/sse-client.js';
import { WORKSHOP_EVENTS_CHANNEL, type WorkshopEvent } from '../server/domains/brokering/workshop-events.js';

const PARTICIPANTS = 30;
const SCREENS = 3;
const ROUNDS = 20;
const SLUG = 'bench-workshop';
const PASSWORD = 'bench-wachtwoord-123';
const ON_POSTGRES = Boolean(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);

/**
 * A save as the guided flow makes it: one transaction that writes a partner card with a partner and
 * bumps the sheet's step and version, then the workshop event (after the commit).
 */
async function saveCard(database: DatabaseHandle, workshopId: string, sheetId: string, actorId: string, round: number, onCommitted: () => void): Promise<void> {
  await database.rawTransaction(async (tx) => {
    const [card] = await tx.query<{ id: string }>(
      "INSERT INTO partner_cards (sheet_id, start_kind, start_text, position) VALUES ($1, 'need', $2, $3) RETURNING id",
      [sheetId, `nood ${round}`, round],
    );
    await tx.query("INSERT INTO partner_card_partners (card_id, actor_id, ideas, kept) VALUES ($1, $2, ARRAY['samen iets doen'], true)", [card!.id, actorId]);
    await tx.query('UPDATE brokering_sheets SET current_step = 3, version = version + 1, updated_at = now() WHERE id = $1', [sheetId]);
    // NOTIFY inside the save's transaction is delivered at its commit, without queueing behind other saves for a connection.
    const event: WorkshopEvent = { workshopId, type: 'card.updated', sheetId, at: Date.now() };
    await tx.query('SELECT pg_notify($1, $2)', [WORKSHOP_EVENTS_CHANNEL, JSON.stringify(event)]);
  });
  onCommitted();
}

/** The live room: 30 participants saving at once, seen by facilitator screens over real SSE connections (target ≤ 200 ms). */
export const workshopRoomBench: BenchSuite = {
  title: `Live workshop room on ${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'} (${PARTICIPANTS} participants saving at once, ${SCREENS} facilitator screens over SSE)`,
  notes: [],
  async run({ databaseUrl }) {
    let database: DatabaseHandle;
    let dropDatabase: (() => Promise<void>) | undefined;
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl, 'rk_bench_room');
      database = await openDatabase({ databaseUrl: scratch.url });
      dropDatabase = scratch.drop;
    } else {
      database = await openDatabase({});
    }
    const screens: SseConnection[] = [];
    const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test' });
    const app = await buildApp({ database, env, mailer: { configured: false, send: async () => {} }, serveClient: false });
    try {
      await migrate(database);
      const region = await createRegion(database.db, { slug: SLUG, name: 'Bench workshop', municipalities: ['33011', '33021', '33039'] });
      await createUserWithRole(database.db, { email: 'bench-admin@test.be', name: 'Bench', password: PASSWORD, regionSlug: SLUG, role: 'admin' });
      const [partner] = await database.raw.query<{ id: string }>("INSERT INTO actors (region_id, name, municipality_nis) VALUES ($1, 'Partner', '33021') RETURNING id", [region.id]);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-admin@test.be', password: PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const created = await fetch(`${base}/api/regions/${SLUG}/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ title: 'Bench-workshop' }) });
      const workshop = (await created.json()) as { id: string; joinCode: string };

      // Thirty guests join over HTTP, as phones do.
      const sheets = await Promise.all(
        Array.from({ length: PARTICIPANTS }, async (_, i) => {
          const response = await fetch(`${base}/api/workshops/join`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: workshop.joinCode, name: `Deelnemer ${i}`, email: `deelnemer${i}@bench.test`, organisation: `Organisatie ${i}` }),
          });
          if (response.status !== 201) throw new Error(`join ${i}: ${response.status} ${await response.text()}`);
          return ((await response.json()) as { sheetId: string }).sheetId;
        }),
      );

      for (let i = 0; i < SCREENS; i++) {
        const screen = await connectSse(`${base}/api/regions/${SLUG}/workshops/${workshop.id}/events`, { cookie });
        if (screen.status !== 200) throw new Error(`events: ${screen.status}`);
        await screen.next((message) => message.event === 'ready');
        screens.push(screen);
      }
      // Drain the join events so that each round only sees its own.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const screen of screens) while (await screen.next(() => true, 50).catch(() => null));

      const delivered: number[] = [];
      const afterCommit: number[] = [];
      const onScreen: number[] = [];
      for (let round = 0; round < ROUNDS + 2; round++) {
        const started = new Map<string, number>();
        const committed = new Map<string, number>();
        const arrivals = screens.map((screen) =>
          Promise.all(
            sheets.map(async (sheetId) => {
              const message = await screen.next((m) => m.event === 'room' && (JSON.parse(m.data) as { sheetId?: string }).sheetId === sheetId);
              return { fromStart: message.receivedAt - started.get(sheetId)!, fromCommit: Math.max(0, message.receivedAt - (committed.get(sheetId) ?? message.receivedAt)) };
            }),
          ),
        );
        // The screen re-reads the room once per burst of events (what use-room.ts does), so the full path is event + snapshot.
        const snapshots = screens.map(async (screen, index) => {
          const times = await arrivals[index]!;
          const response = await fetch(`${base}/api/regions/${SLUG}/workshops/${workshop.id}/room`, { headers: { cookie } });
          if (response.status !== 200) throw new Error(`room: ${response.status}`);
          await response.json();
          const done = performance.now();
          const firstStart = Math.min(...started.values());
          return { times, full: done - firstStart };
        });
        await Promise.all(
          sheets.map(async (sheetId) => {
            started.set(sheetId, performance.now());
            await saveCard(database, workshop.id, sheetId, partner!.id, round, () => committed.set(sheetId, performance.now()));
          }),
        );
        const results = await Promise.all(snapshots);
        if (round < 2) continue; // warm-up
        for (const result of results) {
          delivered.push(...result.times.map((time) => time.fromStart));
          afterCommit.push(...result.times.map((time) => time.fromCommit));
          onScreen.push(result.full);
        }
      }
      const results: BenchResult[] = [
        { name: 'save committed → event on a facilitator screen (each of 30 saves, per screen)', target: '≤ 200 ms', samples: afterCommit.length, p50Ms: percentile(afterCommit, 50), p95Ms: percentile(afterCommit, 95) },
        { name: 'save started → event on a facilitator screen (incl. waiting for the database behind 29 other saves)', target: '≤ 200 ms', samples: delivered.length, p50Ms: percentile(delivered, 50), p95Ms: percentile(delivered, 95) },
        { name: 'burst of 30 saves → room snapshot re-read on the screen', target: '≤ 200 ms', samples: onScreen.length, p50Ms: percentile(onScreen, 50), p95Ms: percentile(onScreen, 95), note: 'from the first save of the burst' },
      ];
      workshopRoomBench.notes = [
        `Database: ${databaseUrl ? 'PostgreSQL' : 'PGlite (embedded)'}. ${PARTICIPANTS} saves start at once per round (${ROUNDS} rounds after 2 warm-up rounds); each save is one transaction (a partner card with a partner, the sheet's step and version, and the workshop event's NOTIFY, delivered at commit); the server, its one LISTEN connection and ${SCREENS} SSE clients (real HTTP requests reading text/event-stream) share one Node process on this machine. Load average at the end: ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (the 2-core machine was shared with other work; an event that arrives before the saving code sees its commit counts as 0 ms after commit).`,
      ];
      return results;
    } finally {
      for (const screen of screens) screen.close();
      await app.close();
      await database.close();
      await dropDatabase?.();
    }
  },
};
