import { regionPath } from '../../../modules';

/** Paths of the live workshop room pages (the flow's sheet page belongs to the guided flow). */
export const roomPaths = {
  workshops: (slug: string) => `${regionPath(slug, 'makelaardij')}/workshops`,
  room: (slug: string, workshopId: string) => `${regionPath(slug, 'makelaardij')}/workshops/${workshopId}`,
  report: (slug: string, workshopId: string) => `${regionPath(slug, 'makelaardij')}/workshops/${workshopId}/verslag`,
  join: (code?: string) => (code ? `/doe-mee?code=${encodeURIComponent(code)}` : '/doe-mee'),
};

/** Where a guest's participation is kept on the device (wt-flow's api.ts sends its token as x-guest-token). */
export const GUEST_STORAGE_KEY = 'regiekamer.workshopGuest';

export interface StoredGuest {
  token: string;
  slug: string;
  workshopId: string;
  sheetId: string;
}
