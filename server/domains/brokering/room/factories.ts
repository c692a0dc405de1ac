import type { DatabaseHandle } from '../../../db/client.js';
import { createWorkshop } from './service.js';
import type { WorkshopSummary } from '../../../../common/schemas/workshops.js';

/** An open workshop in a region (title and place defaulted). */
export async function workshopFactory(database: DatabaseHandle, regionId: string, overrides: Partial<{ title: string; heldOn: string | null; place: string }> = {}): Promise<WorkshopSummary> {
  return createWorkshop(database, regionId, { title: overrides.title ?? 'Testworkshop', heldOn: overrides.heldOn ?? '2026-03-01', place: overrides.place ?? 'Ieper' }, null);
}
