import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.js';
import { createTestDatabase } from '../../test/test-database.js';
import { notifyWorkshop, parseWorkshopEvent, WORKSHOP_EVENTS_CHANNEL, type WorkshopEvent } from './workshop-events.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('workshop events', () => {
  it('a save in a workshop reaches a listener of the channel as a parsed event', async () => {
    let resolveEvent: (event: WorkshopEvent | null) => void = () => {};
    const received = new Promise<WorkshopEvent | null>((resolve) => {
      resolveEvent = resolve;
    });
    const stop = await database.listen(WORKSHOP_EVENTS_CHANNEL, (payload) => resolveEvent(parseWorkshopEvent(payload)));
    await notifyWorkshop(database, { workshopId: 'w1', type: 'card.updated', sheetId: 's1' });
    const event = await received;
    await stop();
    expect(event).toMatchObject({ workshopId: 'w1', type: 'card.updated', sheetId: 's1' });
    expect(typeof event?.at).toBe('number');
  });

  it('ignores payloads that are not workshop events', () => {
    expect(parseWorkshopEvent('geen json')).toBeNull();
    expect(parseWorkshopEvent(JSON.stringify({ type: 'card.updated' }))).toBeNull();
  });
});
