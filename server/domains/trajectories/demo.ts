import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships, users } from '../accounts/schema.js';
import { regions } from '../regions/schema.js';
import { actors } from '../network/schema.js';
import { offers } from '../catalog/schema.js';
import type { ConsentKind, DutchLevel, TrajectoryStage, Transport } from '../../../common/schemas/trajectories.js';
import { trajectoryConsents, trajectoryHours, trajectoryParticipants, trajectoryPlacements, trajectorySteps } from './schema.js';
import { logParticipantRead } from './read-log.js';

// Written for the demo: no real people. Codes are fixed so the demo reads the same every time.
interface DemoParticipant {
  code: string;
  firstName: string | null;
  nis: string;
  languages: string[];
  level: DutchLevel;
  interests: string[];
  transport: Transport;
  childcare?: boolean;
  days: string[];
  kansentarief?: boolean;
  status: 'verplicht' | 'rechthebbend';
  stage: TrajectoryStage;
  /** Hours attended at the first placement (the organiser's name below). */
  hours?: number;
  organizer?: string;
  placementStatus?: 'voorgesteld' | 'aanvaard' | 'ander-moment';
  continues?: boolean;
  coached?: boolean;
  share?: boolean;
  /** Coached by the second demo coach (decision 031); `handedOver`: first by Chaima, then handed over with a note. */
  secondCoach?: boolean;
  handedOver?: boolean;
}

const IEPER = '33011';
const POPERINGE = '33021';
const DIKSMUIDE = '32003';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

const PARTICIPANTS: DemoParticipant[] = [
  { code: 'TR-K7M2QA', firstName: 'Amina', nis: IEPER, languages: ['ar', 'fr'], level: 'A2', interests: ['Taal en ontmoeting', 'Koken en eten'], transport: 'fiets', childcare: true, days: ['tuesday', 'thursday'], kansentarief: true, status: 'verplicht', stage: 'evaluatie', hours: 44, organizer: 'Bibliotheek Ieper', placementStatus: 'aanvaard', continues: true, share: true },
  { code: 'TR-P4XN8R', firstName: 'Yonas', nis: IEPER, languages: ['ti', 'en'], level: 'A1', interests: ['Sport en beweging'], transport: 'fiets', days: WEEKDAYS, status: 'verplicht', stage: 'evaluatie', hours: 41, organizer: 'Sportdienst Ieper', placementStatus: 'aanvaard', continues: true, share: true },
  { code: 'TR-Z9C3HW', firstName: 'Olena', nis: POPERINGE, languages: ['uk', 'ru'], level: 'B1', interests: ['Cultuur', 'Leren en werk'], transport: 'openbaar-vervoer', days: ['monday', 'wednesday'], kansentarief: true, status: 'rechthebbend', stage: 'evaluatie', hours: 46, organizer: 'Bibliotheek Poperinge', placementStatus: 'aanvaard', continues: true, share: true },
  { code: 'TR-B6T5LE', firstName: null, nis: DIKSMUIDE, languages: ['fa'], level: 'A1', interests: ['Natuur'], transport: 'auto', days: ['saturday', 'sunday'], status: 'verplicht', stage: 'evaluatie', hours: 40, organizer: 'Sociaal Huis Diksmuide', placementStatus: 'aanvaard', continues: true },
  { code: 'TR-H2V8DK', firstName: 'Samir', nis: POPERINGE, languages: ['ps', 'fa'], level: 'A2', interests: ['Koken en eten', 'Taal en ontmoeting'], transport: 'te-voet', days: WEEKDAYS, kansentarief: true, status: 'verplicht', stage: 'evaluatie', hours: 42, organizer: 'Bibliotheek Poperinge', placementStatus: 'aanvaard', continues: true, share: true },
  { code: 'TR-M3R7YU', firstName: 'Fatuma', nis: IEPER, languages: ['so', 'en'], level: 'A1', interests: ['Taal en ontmoeting'], transport: 'te-voet', childcare: true, days: ['monday', 'tuesday'], kansentarief: true, status: 'verplicht', stage: 'deelname', hours: 18, organizer: 'Bibliotheek Ieper', placementStatus: 'aanvaard', share: true },
  { code: 'TR-W8E4NJ', firstName: 'Dmytro', nis: DIKSMUIDE, languages: ['uk'], level: 'A2', interests: ['Sport en beweging', 'Natuur'], transport: 'fiets', days: ['wednesday', 'saturday'], status: 'rechthebbend', stage: 'deelname', hours: 24, organizer: 'Sociaal Huis Diksmuide', placementStatus: 'aanvaard' },
  { code: 'TR-C5Q9GS', firstName: 'Lina', nis: POPERINGE, languages: ['ar'], level: 'geen', interests: ['Koken en eten'], transport: 'openbaar-vervoer', childcare: true, days: ['thursday', 'friday'], kansentarief: true, status: 'verplicht', stage: 'deelname', hours: 9, organizer: 'Bibliotheek Poperinge', placementStatus: 'aanvaard', share: true },
  { code: 'TR-F7A2PV', firstName: 'Kofi', nis: IEPER, languages: ['en', 'fr'], level: 'B1', interests: ['Leren en werk', 'Cultuur'], transport: 'fiets', days: WEEKDAYS, status: 'rechthebbend', stage: 'deelname', hours: 30, organizer: 'Sportdienst Ieper', placementStatus: 'aanvaard', share: true, secondCoach: true, handedOver: true },
  { code: 'TR-N4L6XB', firstName: 'Mariam', nis: DIKSMUIDE, languages: ['ar', 'ku'], level: 'A1', interests: ['Taal en ontmoeting'], transport: 'openbaar-vervoer', days: ['tuesday'], kansentarief: true, status: 'verplicht', stage: 'deelname', hours: 6, organizer: 'Sociaal Huis Diksmuide', placementStatus: 'aanvaard' },
  { code: 'TR-D8S3KM', firstName: 'Tesfay', nis: DIKSMUIDE, languages: ['ti'], level: 'A1', interests: ['Sport en beweging', 'Taal en ontmoeting'], transport: 'fiets', days: ['wednesday', 'friday'], status: 'verplicht', stage: 'zoektocht', organizer: 'Bibliotheek Ieper', placementStatus: 'voorgesteld', share: true },
  { code: 'TR-G6U9RT', firstName: 'Nadia', nis: POPERINGE, languages: ['ru', 'uk'], level: 'A2', interests: ['Cultuur'], transport: 'auto', days: ['saturday'], status: 'rechthebbend', stage: 'zoektocht', organizer: 'Bibliotheek Ieper', placementStatus: 'ander-moment', share: true },
  { code: 'TR-J3Y7WC', firstName: null, nis: DIKSMUIDE, languages: ['fa', 'en'], level: 'geen', interests: ['Natuur', 'Koken en eten'], transport: 'te-voet', childcare: true, days: ['monday'], kansentarief: true, status: 'verplicht', stage: 'zoektocht' },
  // Referred by the trajectbegeleider and waiting for a coach: the regisseur assigns one by code.
  { code: 'TR-R5H8EZ', firstName: 'Omar', nis: IEPER, languages: ['ar'], level: 'A1', interests: ['Sport en beweging'], transport: 'fiets', days: WEEKDAYS, status: 'verplicht', stage: 'verwijzing', coached: false },
  { code: 'TR-V2K4QN', firstName: 'Hana', nis: POPERINGE, languages: ['so'], level: 'geen', interests: ['Taal en ontmoeting'], transport: 'openbaar-vervoer', childcare: true, days: ['tuesday', 'thursday'], kansentarief: true, status: 'verplicht', stage: 'verwijzing', coached: false },
  // The second coach's participants (decision 031): enough in every stage and municipality for the figures to show groups of five.
  { code: 'TR-A4E7KW', firstName: 'Rahim', nis: POPERINGE, languages: ['ps', 'fa'], level: 'A1', interests: ['Sport en beweging'], transport: 'fiets', days: WEEKDAYS, status: 'verplicht', stage: 'eerste-bezoek', hours: 3, organizer: 'Jeugddienst Poperinge', placementStatus: 'aanvaard', share: true, secondCoach: true },
  { code: 'TR-Q8N2TD', firstName: 'Iryna', nis: IEPER, languages: ['uk', 'ru'], level: 'A2', interests: ['Cultuur'], transport: 'openbaar-vervoer', days: ['wednesday', 'saturday'], status: 'rechthebbend', stage: 'eerste-bezoek', hours: 3, organizer: 'Argos vzw', placementStatus: 'aanvaard', share: true, secondCoach: true },
  { code: 'TR-U6B3HF', firstName: 'Abdi', nis: DIKSMUIDE, languages: ['so'], level: 'geen', interests: ['Natuur', 'Leren en werk'], transport: 'fiets', days: ['monday', 'thursday'], kansentarief: true, status: 'verplicht', stage: 'eerste-bezoek', hours: 2, organizer: 'Sociaal Huis Diksmuide', placementStatus: 'aanvaard', secondCoach: true },
  { code: 'TR-E9W5MZ', firstName: null, nis: IEPER, languages: ['ar'], level: 'A1', interests: ['Koken en eten'], transport: 'te-voet', childcare: true, days: ['tuesday'], kansentarief: true, status: 'verplicht', stage: 'eerste-bezoek', hours: 3, organizer: 'Bibliotheek Ieper', placementStatus: 'aanvaard', share: true },
  { code: 'TR-S3K8PX', firstName: 'Goli', nis: POPERINGE, languages: ['fa'], level: 'A2', interests: ['Taal en ontmoeting', 'Cultuur'], transport: 'openbaar-vervoer', days: ['friday'], status: 'rechthebbend', stage: 'eerste-bezoek', hours: 3, organizer: 'Bibliotheek Poperinge', placementStatus: 'aanvaard', share: true, secondCoach: true },
  { code: 'TR-Y7D4RC', firstName: 'Selin', nis: DIKSMUIDE, languages: ['tr'], level: 'A1', interests: ['Cultuur'], transport: 'auto', days: ['saturday'], status: 'rechthebbend', stage: 'zoektocht', organizer: 'Museum aan de IJzer', placementStatus: 'voorgesteld', secondCoach: true },
  { code: 'TR-L2G9VA', firstName: 'Aziz', nis: IEPER, languages: ['ps'], level: 'geen', interests: ['Leren en werk'], transport: 'fiets', days: WEEKDAYS, status: 'verplicht', stage: 'zoektocht', secondCoach: true },
  { code: 'TR-T5J6NE', firstName: 'Mona', nis: POPERINGE, languages: ['ar'], level: 'A1', interests: ['Koken en eten'], transport: 'te-voet', childcare: true, days: ['monday', 'wednesday'], kansentarief: true, status: 'verplicht', stage: 'intake', secondCoach: true },
  { code: 'TR-X3P7BH', firstName: 'Pavlo', nis: IEPER, languages: ['uk'], level: 'A2', interests: ['Sport en beweging'], transport: 'fiets', days: ['tuesday', 'thursday'], status: 'rechthebbend', stage: 'intake' },
  { code: 'TR-C8R2WL', firstName: null, nis: DIKSMUIDE, languages: ['ti'], level: 'geen', interests: ['Taal en ontmoeting'], transport: 'openbaar-vervoer', days: ['wednesday'], kansentarief: true, status: 'verplicht', stage: 'intake', secondCoach: true },
];
const HANDOVER_NOTE = 'Overgenomen tijdens het verlof van de eerste coach. Komt het liefst op dinsdag; de contactpersoon bij de sportdienst kent hem al.';

const STEP_NOTES: Record<TrajectoryStage, string> = {
  verwijzing: 'Doorverwezen na het infomoment over het participatie- en netwerktraject.',
  intake: 'Kennismakingsgesprek: interesses, beschikbaarheid en wat nodig is om te starten overlopen.',
  zoektocht: 'Samen met de netwerkmedewerker gezocht naar een plek dichtbij, met weinig taal.',
  'eerste-bezoek': 'Samen op eerste bezoek geweest; warm onthaal door de contactpersoon.',
  deelname: 'Neemt wekelijks deel; de organisatie houdt de uren bij.',
  evaluatie: 'Evaluatiegesprek: tevreden over de plek en wil graag blijven komen.',
};
const ORDER: TrajectoryStage[] = ['verwijzing', 'intake', 'zoektocht', 'eerste-bezoek', 'deelname', 'evaluatie'];
const DAY = 86_400_000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Westhoek's demo trajectories: two coaches and a trajectbegeleider with pseudonymous participants in every stage, placed at demo offers. */
export async function seedTrajectoriesDemo(db: Db): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, 'westhoek'));
  if (!region) return;
  if ((await db.select({ id: trajectoryParticipants.id }).from(trajectoryParticipants).where(eq(trajectoryParticipants.regionId, region.id)).limit(1)).length) return;
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['coach@demo.regiekamer.be', 'coach2@demo.regiekamer.be', 'trajectbegeleider@demo.regiekamer.be', 'bibliotheek@demo.regiekamer.be']));
  const coach = people.find((person) => person.email === 'coach@demo.regiekamer.be')?.id;
  const secondCoach = people.find((person) => person.email === 'coach2@demo.regiekamer.be')?.id ?? coach;
  const referrer = people.find((person) => person.email === 'trajectbegeleider@demo.regiekamer.be')?.id;
  if (!coach || !referrer) return;
  // The catalog's demo offers by organiser: each placement goes to the organiser's first offer.
  const offerRows = await db
    .select({ id: offers.id, title: offers.title, organizerActorId: offers.organizerActorId, organizerName: actors.name })
    .from(offers)
    .innerJoin(actors, eq(actors.id, offers.organizerActorId))
    .where(and(eq(offers.regionId, region.id), eq(offers.status, 'published')))
    .orderBy(offers.title);
  const offerOf = (organizer: string) => offerRows.find((row) => row.organizerName === organizer);
  const library = offerOf('Bibliotheek Ieper');
  const librarian = people.find((person) => person.email === 'bibliotheek@demo.regiekamer.be')?.id;
  if (library && librarian) await db.update(memberships).set({ actorId: library.organizerActorId }).where(and(eq(memberships.userId, librarian), eq(memberships.regionId, region.id)));

  const today = Date.now();
  await db.transaction(async (tx) => {
    for (const [index, person] of PARTICIPANTS.entries()) {
      const stageIndex = ORDER.indexOf(person.stage);
      const ownCoach = person.secondCoach && !person.handedOver ? secondCoach! : coach;
      // Earlier stages further back: a finished trajectory started about five months ago.
      const referredAt = today - (30 + stageIndex * 25 + index) * DAY;
      const [row] = await tx
        .insert(trajectoryParticipants)
        .values({
          regionId: region.id,
          code: person.code,
          firstName: person.firstName,
          municipalityNis: person.nis,
          languages: person.languages,
          dutchLevel: person.level,
          interests: person.interests,
          transport: person.transport,
          needsChildcare: person.childcare ?? false,
          withChildren: person.childcare ?? false,
          availableDays: person.days,
          availableFrom: '09:00',
          availableUntil: '21:00',
          uitpasKansentarief: person.kansentarief ?? false,
          inburgeraarStatus: person.status,
          referredOn: isoDay(referredAt),
          referredBy: referrer,
          referralNote: STEP_NOTES.verwijzing,
          coachUserId: person.coached === false ? null : person.secondCoach ? secondCoach : coach,
          stage: person.stage,
          continuesAfter: person.continues ?? null,
        })
        .returning({ id: trajectoryParticipants.id });
      const participantId = row!.id;
      const consents: ConsentKind[] = person.share ? ['traject', 'delen-voornaam', 'delen-talen', 'delen-verwachtingen'] : ['traject'];
      await tx.insert(trajectoryConsents).values(consents.map((kind, position) => ({ participantId, kind, givenOn: isoDay(referredAt + (position ? 7 : 0) * DAY), recordedBy: position ? ownCoach : referrer })));
      await tx.insert(trajectorySteps).values(
        ORDER.slice(0, stageIndex + 1).map((kind, step) => ({ participantId, kind, happenedOn: isoDay(referredAt + step * 18 * DAY), note: STEP_NOTES[kind], doneBy: step === 0 ? referrer : ownCoach })),
      );
      if (person.handedOver && secondCoach !== coach) {
        await tx.insert(trajectorySteps).values({ participantId, kind: 'overdracht', happenedOn: isoDay(today - 10 * DAY), note: HANDOVER_NOTE, doneBy: coach, fromCoachId: coach, toCoachId: secondCoach });
      }
      const offer = person.organizer ? offerOf(person.organizer) : undefined;
      if (!offer) continue;
      const [placement] = await tx
        .insert(trajectoryPlacements)
        .values({
          regionId: region.id,
          participantId,
          offerId: offer.id,
          offerTitle: offer.title,
          organizerActorId: offer.organizerActorId,
          status: person.placementStatus ?? 'aanvaard',
          expectations: 'Spreekt nog weinig Nederlands; een vast aanspreekpunt en een rustige start helpen.',
          partnerMessage: person.placementStatus === 'ander-moment' ? 'Op zaterdag kan het niet; woensdagnamiddag wel?' : '',
          reasons: ['Past bij de interesses', 'Dichtbij'],
          createdBy: ownCoach,
          respondedAt: person.placementStatus === 'voorgesteld' ? null : new Date(referredAt + 40 * DAY),
          respondedBy: person.placementStatus === 'voorgesteld' ? null : librarian ?? null,
        })
        .returning({ id: trajectoryPlacements.id });
      // Sessions of three hours (the last one shorter), one a week up to a few days ago.
      const entries: { hours: number; on: string }[] = [];
      for (let left = person.hours ?? 0, week = 0; left > 0; week++) {
        const hours = Math.min(3, left);
        entries.push({ hours, on: isoDay(today - (3 + week * 7) * DAY) });
        left -= hours;
      }
      if (entries.length) await tx.insert(trajectoryHours).values(entries.map((entry, position) => ({ placementId: placement!.id, participantId, attendedOn: entry.on, hours: String(entry.hours), loggedBy: position % 2 ? ownCoach : librarian ?? ownCoach })));
      // The library's partner read its inbox: the coach sees that in the record's read log.
      if (librarian && offer.organizerActorId === library?.organizerActorId) await logParticipantRead(tx, { regionId: region.id, readerId: librarian, source: 'inbox', participants: [{ id: participantId, coachUserId: null }] });
    }
  });
}
