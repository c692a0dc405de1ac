import type { DatabaseHandle } from '../../db/client.js';

/** The one channel every instance LISTENs on for live workshop rooms (payloads name the workshop). */
export const WORKSHOP_EVENTS_CHANNEL = 'workshop_events';

export type WorkshopEventType =
  | 'participant.joined'
  | 'participant.step'
  | 'sheet.updated'
  | 'card.updated'
  | 'combination.updated'
  | 'workshop.updated'
  | 'workshop.closed';

export interface WorkshopEvent {
  workshopId: string;
  type: WorkshopEventType;
  sheetId?: string;
  participantId?: string;
  /** Milliseconds since the epoch at the save, so the room (and the bench) can measure the delay. */
  at: number;
}

/**
 * Tells every instance's live room that something in a workshop changed (after the save committed):
 * the room re-reads what it shows, so the payload stays small and carries no personal data.
 */
export async function notifyWorkshop(database: DatabaseHandle, event: Omit<WorkshopEvent, 'at'>): Promise<void> {
  await database.notify(WORKSHOP_EVENTS_CHANNEL, JSON.stringify({ ...event, at: Date.now() } satisfies WorkshopEvent));
}

/** Parses a payload of the channel; null for anything that is not a workshop event. */
export function parseWorkshopEvent(payload: string): WorkshopEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<WorkshopEvent>;
    if (typeof value.workshopId !== 'string' || typeof value.type !== 'string' || typeof value.at !== 'number') return null;
    return value as WorkshopEvent;
  } catch {
    return null;
  }
}
