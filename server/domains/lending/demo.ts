import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { actors } from '../network/schema.js';
import type { BookingStatus, ItemAudience, ItemKind } from '../../../common/schemas/lending.js';
import { lendingBookings, lendingBookingUnits, lendingItems, lendingKitParts, lendingUnits } from './schema.js';
import { addDays, todayInBrussels } from './dates.js';

interface DemoItem {
  key: string;
  owner: string;
  name: string;
  kind?: ItemKind;
  municipality: string;
  address: string;
  units?: number;
  description: string;
  instructions?: string;
  audience?: ItemAudience;
  pricePerDay?: number;
  deposit?: number;
  maxDays?: number;
  bufferDays?: number;
  autoConfirm?: boolean;
  parts?: [string, number][];
}

/** [item key, borrower actor name, start offset from today, days, units, status] */
type DemoBooking = [string, string, number, number, number, BookingStatus];

const IEPER = '33011';
const POPERINGE = '33021';
const ZONNEBEKE = '33037';
const DIKSMUIDE = '32003';
const VEURNE = '38025';
const KOKSIJDE = '38014';

const SOUTH_ITEMS: DemoItem[] = [
  { key: 'koffer', owner: 'Erfgoedcel CO7', name: 'Erfgoedkoffer Groote Oorlog', municipality: IEPER, address: 'Erfgoedcel CO7, Ieper (afhalen na afspraak)', units: 3, description: 'Koffer met voorwerpen, foto’s en opdrachten om met een klas of groep rond de oorlogsjaren in de streek te werken.', instructions: 'Controleer bij het terugbrengen of alle genummerde voorwerpen in de koffer zitten.', deposit: 5000, maxDays: 14, bufferDays: 1, autoConfirm: true },
  { key: 'panelen', owner: 'Erfgoedcel CO7', name: 'Tentoonstellingspanelen (staand)', municipality: IEPER, address: 'Erfgoedcel CO7, Ieper', units: 12, description: 'Vrijstaande panelen van 1 × 2 m met voetstuk, om een kleine tentoonstelling op te bouwen in een bib, zaal of kerk.', instructions: 'Vervoer rechtop, met de beschermhoezen; er passen vier panelen in een bestelwagen.', deposit: 10000, maxDays: 30, bufferDays: 2 },
  { key: 'opname', owner: 'Erfgoedcel CO7', name: 'Opnameset mondelinge geschiedenis', municipality: IEPER, address: 'Erfgoedcel CO7, Ieper', units: 2, description: 'Draagbare recorder, twee dasspeldmicrofoons en een handleiding voor interviews met getuigen.', maxDays: 21, autoConfirm: true },
  { key: 'erfgoeddag', owner: 'Erfgoedcel CO7', name: 'Pakket Erfgoeddag', kind: 'set', municipality: IEPER, address: 'Erfgoedcel CO7, Ieper', description: 'Alles voor een erfgoedstand: zes panelen en een erfgoedkoffer, samen uitgeleend.', parts: [['panelen', 6], ['koffer', 1]], maxDays: 7, bufferDays: 1 },
  { key: 'podium', owner: 'Uitleendienst CO7', name: 'Podiumelementen 2 × 1 m', municipality: IEPER, address: 'Magazijn uitleendienst, Ieper', units: 20, description: 'Modulaire podiumdelen met verstelbare poten (40–100 cm), te combineren tot een podium naar keuze.', instructions: 'Enkel ophalen met aanhangwagen of bestelwagen; reken op twee personen.', pricePerDay: 500, deposit: 20000, maxDays: 10, bufferDays: 1, autoConfirm: true },
  { key: 'geluid', owner: 'Uitleendienst CO7', name: 'Geluidsinstallatie met mengtafel', municipality: IEPER, address: 'Magazijn uitleendienst, Ieper', units: 2, description: 'Twee actieve luidsprekers op statief, een mengtafel met acht kanalen en twee draadloze microfoons.', instructions: 'Kabels opgerold terugbrengen; batterijen van de microfoons worden voorzien.', pricePerDay: 2500, deposit: 15000, maxDays: 5, bufferDays: 1 },
  { key: 'tent', owner: 'Uitleendienst CO7', name: 'Partytent 6 × 3 m', municipality: IEPER, address: 'Magazijn uitleendienst, Ieper', units: 4, description: 'Witte tent met zijwanden en gewichten, geschikt voor markten en buitenactiviteiten.', pricePerDay: 1500, deposit: 10000, maxDays: 7, bufferDays: 2, audience: 'iedereen' },
  { key: 'projector', owner: 'Uitleendienst CO7', name: 'Projector met scherm', municipality: IEPER, address: 'Magazijn uitleendienst, Ieper', units: 2, description: 'Projector (Full HD) met opvouwbaar scherm van 2 m breed en HDMI-kabel.', deposit: 5000, maxDays: 7 },
  { key: 'stadhuiszaal', owner: 'Cultuurdienst Poperinge', name: 'Vergaderzaal cultuurdienst', kind: 'ruimte', municipality: POPERINGE, address: 'Grote Markt, Poperinge', description: 'Zaal voor 30 personen met projectiescherm en keukenhoek.', instructions: 'Sleutel af te halen aan het onthaal; de zaal wordt netjes achtergelaten.', maxDays: 2 },
  { key: 'tent-pop', owner: 'Cultuurdienst Poperinge', name: 'Partytent 3 × 3 m', municipality: POPERINGE, address: 'Gemeentelijke loods, Poperinge', units: 6, description: 'Kleine vouwtenten, snel opgezet door twee personen.', pricePerDay: 500, maxDays: 7, audience: 'iedereen' },
  { key: 'repetitie', owner: 'CC Het Perron', name: 'Repetitieruimte', kind: 'ruimte', municipality: IEPER, address: 'Fochlaan, Ieper', description: 'Repetitielokaal met piano, spiegels en geluidsisolatie, voor muziek- en theatergroepen.', pricePerDay: 2000, maxDays: 3 },
  { key: 'zaal-zonnebeke', owner: 'Vrijetijdsdienst Zonnebeke', name: 'Polyvalente zaal', kind: 'ruimte', municipality: ZONNEBEKE, address: 'Centrum, Zonnebeke', description: 'Zaal voor 120 personen met podium, bar en toiletten.', pricePerDay: 7500, deposit: 25000, maxDays: 2, bufferDays: 1 },
  { key: 'leeskoffer', owner: 'Bibliotheek Poperinge', name: 'Leeskoffer voor kleuters', municipality: POPERINGE, address: 'Bibliotheek Poperinge', units: 5, description: 'Prentenboeken, een vertelschort en speelse opdrachten om voor te lezen in een klas of opvang.', maxDays: 28, autoConfirm: true },
  { key: 'kamishibai', owner: 'Bibliotheek Poperinge', name: 'Kamishibai-verteltheater', municipality: POPERINGE, address: 'Bibliotheek Poperinge', units: 2, description: 'Houten verteltheatertje met tien verhalen op platen.', maxDays: 14 },
];

const SOUTH_BOOKINGS: DemoBooking[] = [
  ['podium', 'Muziekcentrum Dranouter', -80, 4, 12, 'terug'],
  ['podium', 'Stad Mesen – vrijetijdsdienst', -45, 3, 8, 'terug'],
  ['podium', 'Jeugddienst Poperinge', -2, 5, 10, 'uitgeleend'],
  ['podium', 'Vrijetijdsdienst Zonnebeke', 20, 3, 6, 'bevestigd'],
  ['geluid', 'Jeugddienst Poperinge', -60, 2, 1, 'terug'],
  ['geluid', 'Vrijetijdsdienst Langemark-Poelkapelle', -30, 3, 1, 'terug'],
  ['geluid', 'Gezinsbond Poperinge', -6, 3, 1, 'uitgeleend'],
  ['geluid', 'Muziekcentrum Dranouter', 9, 2, 1, 'aangevraagd'],
  ['tent', 'Vrijetijdsdienst Vleteren', -100, 3, 2, 'terug'],
  ['tent', 'Toerisme Heuvelland', -20, 2, 3, 'terug'],
  ['tent', 'Natuurpunt Ieper', 5, 3, 2, 'bevestigd'],
  ['koffer', 'Bibliotheek Poperinge', -70, 10, 1, 'terug'],
  ['koffer', 'Leerecosysteem Kanjer', -12, 10, 1, 'terug'],
  ['koffer', 'Leerecosysteem Aster', -1, 7, 1, 'uitgeleend'],
  ['koffer', 'Bibliotheek Poperinge', 14, 7, 1, 'bevestigd'],
  ['panelen', 'Bibliotheek Poperinge', -50, 14, 6, 'terug'],
  ['panelen', 'Passchendaele Museum', 3, 10, 4, 'aangevraagd'],
  ['opname', 'Talbot House', -40, 14, 1, 'terug'],
  ['stadhuiszaal', 'Gezinsbond Poperinge', -15, 1, 1, 'terug'],
  ['stadhuiszaal', 'Jeugddienst Poperinge', 4, 1, 1, 'aangevraagd'],
  ['repetitie', 'Open Doek', -25, 2, 1, 'terug'],
  ['repetitie', 'Argos vzw', 7, 2, 1, 'bevestigd'],
  ['zaal-zonnebeke', 'Cultuurdienst Ieper', -35, 1, 1, 'terug'],
  ['leeskoffer', 'Huis van het Kind Ieper', -55, 21, 2, 'terug'],
  ['leeskoffer', 'Huis van het Kind Ieper', 2, 14, 2, 'bevestigd'],
];

const WEST_ITEMS: DemoItem[] = [
  { key: 'vitrines', owner: 'Museum aan de IJzer', name: 'Tentoonstellingsvitrines', municipality: DIKSMUIDE, address: 'IJzerdijk, Diksmuide', units: 6, description: 'Afsluitbare glazen vitrines op poten voor kleine erfgoedstukken.', instructions: 'Vervoer met de meegeleverde dekens; sleutels apart bewaren.', deposit: 20000, maxDays: 60, bufferDays: 2 },
  { key: 'tent-veurne', owner: 'Sportdienst Veurne', name: 'Partytent 5 × 5 m', municipality: VEURNE, address: 'Sporthal, Veurne', units: 3, description: 'Stevige tent voor sportdagen en buurtfeesten, met zijwanden.', pricePerDay: 1000, deposit: 7500, maxDays: 5, bufferDays: 1, audience: 'iedereen' },
  { key: 'geluid-koksijde', owner: 'Jeugddienst Koksijde', name: 'Kleine geluidsset', municipality: KOKSIJDE, address: 'Jeugdhuis, Koksijde', description: 'Eén luidspreker met ingebouwde mixer en microfoon, voor toespraken en kleine optredens.', maxDays: 4, autoConfirm: true },
  { key: 'lokaal-diksmuide', owner: 'Sociaal Huis Diksmuide', name: 'Vergaderlokaal', kind: 'ruimte', municipality: DIKSMUIDE, address: 'Sociaal Huis, Diksmuide', description: 'Lokaal voor 20 personen met beamer, rolstoeltoegankelijk.', maxDays: 1 },
];

const WEST_BOOKINGS: DemoBooking[] = [
  ['vitrines', 'Bezoekerscentrum Westfront Nieuwpoort', -90, 30, 4, 'terug'],
  ['vitrines', 'Projectvereniging IJzervallei', 10, 21, 3, 'bevestigd'],
  ['tent-veurne', 'Jeugddienst Koksijde', -40, 2, 2, 'terug'],
  ['tent-veurne', 'Buddywerking Lo-Reninge', -3, 4, 1, 'uitgeleend'],
  ['tent-veurne', 'Karibu', 12, 2, 2, 'aangevraagd'],
  ['geluid-koksijde', 'Tegenstroom', -18, 2, 1, 'terug'],
  ['lokaal-diksmuide', 'Wereldhuis West-Vlaanderen', -8, 1, 1, 'terug'],
  ['lokaal-diksmuide', 'Karibu', 6, 1, 1, 'bevestigd'],
];

const BLOCKING: readonly BookingStatus[] = ['aangevraagd', 'bevestigd', 'uitgeleend'];

async function seedRegion(db: Db, slug: string, items: DemoItem[], bookings: DemoBooking[], today: string): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) return;
  const [existing] = await db.select({ n: count() }).from(lendingItems).where(eq(lendingItems.regionId, region.id));
  if ((existing?.n ?? 0) > 0) return;
  const actorRows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.regionId, region.id));
  const actorId = new Map(actorRows.map((actor) => [actor.name, actor.id]));
  const itemIds = new Map<string, { id: string; units: string[]; bufferDays: number; parts: [string, number][] }>();
  for (const item of items) {
    const owner = actorId.get(item.owner);
    if (!owner) continue;
    const [row] = await db
      .insert(lendingItems)
      .values({
        regionId: region.id,
        ownerActorId: owner,
        kind: item.kind ?? 'materiaal',
        name: item.name,
        description: item.description,
        instructions: item.instructions ?? '',
        address: item.address,
        municipalityNis: item.municipality,
        audience: item.audience ?? 'partners',
        pricePerDayCents: item.pricePerDay ?? 0,
        depositCents: item.deposit ?? 0,
        maxDays: item.maxDays ?? null,
        bufferDays: item.bufferDays ?? 0,
        autoConfirmPartners: item.autoConfirm ?? false,
      })
      .returning({ id: lendingItems.id });
    const unitCount = item.kind === 'ruimte' || item.kind === 'set' ? 1 : (item.units ?? 1);
    const units = await db
      .insert(lendingUnits)
      .values(Array.from({ length: unitCount }, (_, index) => ({ itemId: row!.id, position: index + 1 })))
      .returning({ id: lendingUnits.id });
    itemIds.set(item.key, { id: row!.id, units: units.map((unit) => unit.id), bufferDays: item.bufferDays ?? 0, parts: item.parts ?? [] });
  }
  for (const entry of itemIds.values()) {
    for (const [partKey, quantity] of entry.parts) {
      const part = itemIds.get(partKey);
      if (part) await db.insert(lendingKitParts).values({ kitItemId: entry.id, partItemId: part.id, quantity });
    }
  }
  // Bookings of an item use its units in order, moving on when a unit is still taken (buffer included).
  const takenUntil = new Map<string, string>();
  for (const [key, borrower, offset, days, units, status] of bookings) {
    const item = itemIds.get(key);
    const borrowerId = actorId.get(borrower);
    if (!item || !borrowerId) continue;
    const from = addDays(today, offset);
    const to = addDays(from, days - 1);
    const free = item.units.filter((unit) => (takenUntil.get(unit) ?? '0000-00-00') < from).slice(0, units);
    if (free.length < units) continue;
    const [booking] = await db
      .insert(lendingBookings)
      .values({
        regionId: region.id,
        itemId: item.id,
        borrowerActorId: borrowerId,
        units,
        fromDate: from,
        toDate: to,
        status,
        checkoutNotes: status === 'uitgeleend' || status === 'terug' ? 'Volledig en proper meegegeven.' : '',
        returnNotes: status === 'terug' ? 'In orde terugbezorgd.' : '',
        checkedOutAt: status === 'uitgeleend' || status === 'terug' ? new Date(`${from}T09:00:00Z`) : null,
        returnedAt: status === 'terug' ? new Date(`${addDays(to, 1)}T10:00:00Z`) : null,
      })
      .returning({ id: lendingBookings.id });
    for (const unit of free) {
      const end = addDays(to, 1 + item.bufferDays);
      await db.insert(lendingBookingUnits).values({ bookingId: booking!.id, unitId: unit, period: sql`daterange(${from}::date, ${end}::date, '[)')` as unknown as string, blocking: BLOCKING.includes(status) });
      takenUntil.set(unit, addDays(end, -1));
    }
  }
}

/** The demo pool: the heritage cell's lending material, municipal items and rooms, with past, current and future bookings. */
export async function seedLendingDemo(db: Db, today = todayInBrussels()): Promise<void> {
  await seedRegion(db, 'zuidelijke-westhoek', SOUTH_ITEMS, SOUTH_BOOKINGS, today);
  await seedRegion(db, 'westhoek', WEST_ITEMS, WEST_BOOKINGS, today);
}
