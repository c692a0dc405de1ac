import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../../db/client.js';
import { channelHub } from '../../../realtime/channel-hub.js';
import { openSseStream } from '../../../realtime/sse.js';
import { parseWorkshopEvent, WORKSHOP_EVENTS_CHANNEL } from '../workshop-events.js';

/**
 * Streams one workshop's events to the facilitator's screen: the process's single LISTEN on the
 * workshop channel is shared by every open screen; each event names what changed and when it was saved.
 * The stream opens with a `ready` event so the client knows it is live and re-reads the room.
 */
export async function streamWorkshopEvents(request: FastifyRequest, reply: FastifyReply, database: DatabaseHandle, workshopId: string): Promise<void> {
  const hub = channelHub(database);
  let unsubscribe: (() => Promise<void>) | null = null;
  let closedEarly = false;
  const stream = openSseStream(request, reply, {
    onClose: async () => {
      closedEarly = true;
      await unsubscribe?.();
    },
  });
  unsubscribe = await hub.subscribe(WORKSHOP_EVENTS_CHANNEL, (payload) => {
    const event = parseWorkshopEvent(payload);
    if (!event || event.workshopId !== workshopId) return;
    const { workshopId: _workshop, ...data } = event;
    stream.send('room', data);
  });
  if (closedEarly) {
    await unsubscribe();
    return;
  }
  stream.send('ready', { at: Date.now() });
}
