import type { Db } from '../../db/client.js';
import { offerDates, offers } from './schema.js';
import { indexOffer } from './index-offer.js';
import { rawOver } from './tx-raw.js';

type OfferInsert = typeof offers.$inferInsert;

/** Test data: an offer (published, one date next week unless told otherwise), indexed for search. */
export async function offerFactory(
  db: Db,
  regionId: string,
  overrides: Partial<Omit<OfferInsert, 'regionId'>> & { dates?: { startsAt: Date; endsAt?: Date | null }[] } = {},
): Promise<string> {
  const { dates, ...fields } = overrides;
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offers)
      .values({ title: 'Samen koken', status: 'published', calendarType: 'single', municipalityNis: '33011', ...fields, regionId })
      .returning();
    const offerDateRows = dates ?? (row!.calendarType === 'permanent' ? [] : [{ startsAt: nextWeek, endsAt: new Date(nextWeek.getTime() + 2 * 3_600_000) }]);
    if (offerDateRows.length > 0) await tx.insert(offerDates).values(offerDateRows.map((date) => ({ offerId: row!.id, startsAt: date.startsAt, endsAt: date.endsAt ?? null })));
    await indexOffer(rawOver(tx), { ...row!, organizerName: null });
    return row!.id;
  });
}
