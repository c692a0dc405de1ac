import { and, eq, inArray } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import { fold } from '../../search/dutch.js';
import { createActor } from '../network/service.js';
import { actors } from '../network/schema.js';
import { municipalities, } from '../reference/schema.js';
import { regionMunicipalities } from '../regions/schema.js';
import { offers } from './schema.js';
import { applyOfferChange, insertOffer } from './service.js';
import { mapEvent, readEventList, type MappedEvent, type RegionMunicipality } from './uitdatabank.js';
import type { OfferImportResult, OfferInput } from '../../../common/schemas/catalog.js';

export { ImportFileError } from './uitdatabank.js';

export interface OfferImportOptions {
  dryRun: boolean;
  /** Import the valid events even when others have errors (the scheduled pull); otherwise errors block everything. */
  onlyValid?: boolean;
  /** Organiser names (as in the file) to create as new actors; the others stay unlinked. */
  createOrganizers?: string[];
  userId: string | null;
  t: TFunction;
  now?: Date;
}

// What an editor adds locally and UiTdatabank does not carry: kept when an event is imported again.
const LOCAL_FIELDS = ['contactName', 'contactLanguages', 'placesLeft', 'priceNote', 'fourthPillarHours'] as const;

/** The region's municipalities with their postal codes (for the address → municipality mapping). */
export async function regionMunicipalityList(db: Db, regionId: string): Promise<RegionMunicipality[]> {
  return db
    .select({ nisCode: municipalities.nisCode, name: municipalities.name, postalCodes: municipalities.postalCodes })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nisCode, regionMunicipalities.nisCode))
    .where(eq(regionMunicipalities.regionId, regionId));
}

type ActorRef = { id: string; name: string };

function matchOrganizer(regionActors: ActorRef[], organizer: MappedEvent['organizer']): ActorRef | null {
  if (!organizer) return null;
  const lastSegment = organizer.sourceId?.split('/').pop() ?? '';
  const folded = fold(organizer.name);
  return regionActors.find((actor) => actor.id === lastSegment) ?? regionActors.find((actor) => fold(actor.name) === folded) ?? null;
}

/**
 * Imports UiTdatabank JSON-LD into a region in one transaction: events map to offers (the same @id
 * updates), skips and errors are listed; a dry run (the preview) writes nothing. Throws ImportFileError
 * for a file that is not JSON or not a list of events.
 */
export async function importOffers(db: Db, regionId: string, content: string, options: OfferImportOptions): Promise<OfferImportResult> {
  const { t } = options;
  const now = options.now ?? new Date();
  const list = readEventList(content);
  const regionMunicipalitiesList = await regionMunicipalityList(db, regionId);
  const result: OfferImportResult = { dryRun: options.dryRun, created: 0, updated: 0, skipped: 0, errors: [], skippedEvents: [], events: [], newOrganizers: [] };
  const mapped: MappedEvent[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const outcome = mapEvent(raw, index, regionMunicipalitiesList, now);
    if (outcome.kind === 'error') result.errors.push({ id: outcome.id, message: t(outcome.messageKey, outcome.params) });
    else if (outcome.kind === 'skip') {
      result.skipped += 1;
      result.skippedEvents.push({ id: outcome.id, title: outcome.title, reason: t(outcome.reasonKey, outcome.params) });
    } else if (seen.has(outcome.event.sourceId)) result.errors.push({ id: outcome.event.sourceId, message: t('catalog.import.duplicateInFile') });
    else {
      seen.add(outcome.event.sourceId);
      mapped.push(outcome.event);
    }
  });

  const regionActors: ActorRef[] = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.regionId, regionId));
  const existingRows = mapped.length
    ? await db.select({ id: offers.id, sourceId: offers.sourceId }).from(offers).where(and(eq(offers.regionId, regionId), inArray(offers.sourceId, mapped.map((event) => event.sourceId))))
    : [];
  const existing = new Map(existingRows.map((row) => [row.sourceId!, row.id]));
  const newOrganizers = new Map<string, { name: string; events: number; municipality: string }>();
  const municipalityName = new Map(regionMunicipalitiesList.map((municipality) => [municipality.nisCode, municipality.name]));
  for (const event of mapped) {
    const action = existing.has(event.sourceId) ? 'update' : 'create';
    result.events.push({ id: event.sourceId, title: event.offer.title, action, municipality: municipalityName.get(event.offer.municipalityNis!) ?? '', languageIcons: event.offer.languageIcons });
    if (action === 'create') result.created += 1;
    else result.updated += 1;
    if (event.organizer && !matchOrganizer(regionActors, event.organizer)) {
      const key = fold(event.organizer.name);
      const entry = newOrganizers.get(key) ?? { name: event.organizer.name, events: 0, municipality: event.offer.municipalityNis! };
      entry.events += 1;
      newOrganizers.set(key, entry);
    }
  }
  result.newOrganizers = [...newOrganizers.values()].map(({ name, events }) => ({ name, events }));

  const blocked = result.errors.length > 0 && !options.onlyValid;
  if (options.dryRun || blocked) return result;

  await db.transaction(async (tx) => {
    const wanted = new Set((options.createOrganizers ?? []).map(fold));
    for (const [key, organizer] of newOrganizers) {
      if (!wanted.has(key)) continue;
      const id = await createActor(
        tx,
        regionId,
        {
          name: organizer.name,
          kind: 'organisatie',
          sectors: ['sociaal-cultureel-volwassenenwerk'],
          municipality: organizer.municipality,
          otherMunicipalities: [],
          address: null,
          description: '',
          strengths: [],
          needs: [],
          targetGroups: [],
          tags: ['uitdatabank'],
          website: null,
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          isPublic: true,
        } as Parameters<typeof createActor>[2],
        options.userId,
      );
      regionActors.push({ id, name: organizer.name });
    }
    for (const event of mapped) {
      const organizer = matchOrganizer(regionActors, event.organizer);
      const offer: OfferInput = { ...event.offer, organizerActorId: organizer?.id ?? null };
      const offerId = existing.get(event.sourceId);
      if (!offerId) {
        await insertOffer(tx, regionId, offer, { userId: options.userId, source: 'uitdatabank', sourceId: event.sourceId, sourceModifiedAt: event.modified });
        continue;
      }
      const [before] = await tx.select().from(offers).where(eq(offers.id, offerId)).for('update');
      const change: Partial<OfferInput> = { ...offer };
      for (const field of LOCAL_FIELDS) delete change[field];
      // A link to an organiser made by hand stays when UiTdatabank names none we know.
      if (!organizer && before!.organizerActorId) delete change.organizerActorId;
      await applyOfferChange(tx, before!, change, { userId: options.userId, sourceModifiedAt: event.modified });
    }
  });
  return result;
}
