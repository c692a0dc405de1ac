import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships, users } from '../accounts/schema.js';
import { regions } from '../regions/schema.js';
import { actors } from '../network/schema.js';
import { trajectoryParticipants } from '../trajectories/schema.js';
import { createBody } from '../cooperative/members.js';
import { createMeeting } from '../cooperative/meetings.js';
import type { DuoStatus } from '../../../common/schemas/buddies.js';
import { buddyDuoMeetings, buddyDuos, buddyLearningNetworks, buddyProgrammes, buddyVolunteers } from './schema.js';

// Written for the demo: no real people. Two buddy programmes of the Westhoek network map, their
// volunteers, duos with the trajectories' demo participants, and the coordinators' learning network.

const DAY = 86_400_000;
const IEPER = '33011';
const POPERINGE = '33021';
const DIKSMUIDE = '32003';
const VLETEREN = '33041';
const HOUTHULST = '32006';

interface DemoVolunteer {
  programme: 'Albatros' | 'Sociaal Huis Diksmuide';
  firstName: string;
  nis: string;
  languages: string[];
  interests: string[];
  days: string[];
  maxDuos?: number;
}

const VOLUNTEERS: DemoVolunteer[] = [
  { programme: 'Albatros', firstName: 'Griet', nis: POPERINGE, languages: ['fr', 'en'], interests: ['Koken en eten', 'Taal en ontmoeting'], days: ['tuesday', 'thursday'], maxDuos: 2 },
  { programme: 'Albatros', firstName: 'Johan', nis: POPERINGE, languages: ['en'], interests: ['Sport en beweging', 'Natuur'], days: ['saturday', 'sunday'] },
  { programme: 'Albatros', firstName: 'Rania', nis: IEPER, languages: ['ar', 'fr'], interests: ['Taal en ontmoeting', 'Cultuur'], days: ['monday', 'tuesday', 'thursday'], maxDuos: 2 },
  { programme: 'Albatros', firstName: 'Wout', nis: VLETEREN, languages: ['en'], interests: ['Natuur'], days: ['wednesday', 'saturday'] },
  { programme: 'Albatros', firstName: 'Lieve', nis: POPERINGE, languages: ['fr'], interests: ['Cultuur', 'Leren en werk'], days: ['monday', 'wednesday'] },
  { programme: 'Albatros', firstName: 'Said', nis: IEPER, languages: ['ar', 'en'], interests: ['Sport en beweging', 'Leren en werk'], days: ['friday', 'saturday'] },
  { programme: 'Albatros', firstName: 'Mieke', nis: IEPER, languages: ['en', 'fr'], interests: ['Koken en eten'], days: ['tuesday', 'wednesday'] },
  { programme: 'Sociaal Huis Diksmuide', firstName: 'Kathy', nis: DIKSMUIDE, languages: ['en'], interests: ['Taal en ontmoeting', 'Koken en eten'], days: ['tuesday', 'friday'], maxDuos: 2 },
  { programme: 'Sociaal Huis Diksmuide', firstName: 'Oksana', nis: DIKSMUIDE, languages: ['uk', 'ru', 'en'], interests: ['Sport en beweging', 'Natuur'], days: ['wednesday', 'saturday'] },
  { programme: 'Sociaal Huis Diksmuide', firstName: 'Farid', nis: HOUTHULST, languages: ['fa', 'ps', 'en'], interests: ['Natuur', 'Koken en eten'], days: ['monday', 'saturday'] },
  { programme: 'Sociaal Huis Diksmuide', firstName: 'Hilde', nis: DIKSMUIDE, languages: ['fr'], interests: ['Cultuur'], days: ['thursday'] },
  { programme: 'Sociaal Huis Diksmuide', firstName: 'Bart', nis: HOUTHULST, languages: ['en'], interests: ['Sport en beweging'], days: ['wednesday', 'friday'] },
];

/** Duos by participant code (the trajectories demo) and volunteer first name, with how long ago they started and their meetings. */
const DUOS: { participant: string; volunteer: string; startedDaysAgo: number; status: DuoStatus; meetings: string[] }[] = [
  { participant: 'TR-K7M2QA', volunteer: 'Rania', startedDaysAgo: 140, status: 'afgerond', meetings: ['Samen naar de markt', 'Koffie in de bibliotheek', 'Kookavond', 'Wandeling langs de vestingen', 'Afscheid met de kinderen'] },
  { participant: 'TR-H2V8DK', volunteer: 'Farid', startedDaysAgo: 110, status: 'actief', meetings: ['Kennismaking', 'Fietstocht', 'Samen koken', 'Taalcafé'] },
  { participant: 'TR-C5Q9GS', volunteer: 'Rania', startedDaysAgo: 60, status: 'actief', meetings: ['Kennismaking', 'Bezoek aan de bibliotheek', 'Samen naar de speeltuin'] },
  { participant: 'TR-W8E4NJ', volunteer: 'Oksana', startedDaysAgo: 75, status: 'actief', meetings: ['Kennismaking', 'Zwembad', 'Wandeling in het Vladslovallei', 'Sportdag'] },
  { participant: 'TR-M3R7YU', volunteer: 'Griet', startedDaysAgo: 50, status: 'actief', meetings: ['Kennismaking', 'Samen boodschappen doen'] },
  { participant: 'TR-N4L6XB', volunteer: 'Kathy', startedDaysAgo: 40, status: 'gepauzeerd', meetings: ['Kennismaking'] },
  { participant: 'TR-Z9C3HW', volunteer: 'Lieve', startedDaysAgo: 150, status: 'afgerond', meetings: ['Kennismaking', 'Museum', 'Concert in de kerk', 'Sollicitatiebrief samen bekeken'] },
  { participant: 'TR-D8S3KM', volunteer: 'Said', startedDaysAgo: 20, status: 'actief', meetings: ['Kennismaking'] },
];

const day = (daysFromToday: number) => new Date(Date.now() + daysFromToday * DAY).toISOString().slice(0, 10);
function at(daysFromToday: number, hour: number): string {
  const moment = new Date(Date.now() + daysFromToday * DAY);
  moment.setUTCHours(hour - 1, 0, 0, 0);
  return moment.toISOString();
}

/** Westhoek's buddy network: Albatros and Sociaal Huis Diksmuide with twelve volunteers, eight duos and their learning network. */
export async function seedBuddiesDemo(db: Db): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, 'westhoek'));
  if (!region) return;
  if ((await db.select({ id: buddyProgrammes.id }).from(buddyProgrammes).where(eq(buddyProgrammes.regionId, region.id)).limit(1)).length) return;
  const programmeActors = await db
    .select({ id: actors.id, name: actors.name })
    .from(actors)
    .where(and(eq(actors.regionId, region.id), inArray(actors.name, ['Albatros', 'Sociaal Huis Diksmuide'])));
  if (programmeActors.length < 2) return;
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['regisseur@demo.regiekamer.be', 'coach@demo.regiekamer.be', 'buddywerking@demo.regiekamer.be']));
  const admin = people.find((person) => person.email === 'regisseur@demo.regiekamer.be')?.id;
  const coach = people.find((person) => person.email === 'coach@demo.regiekamer.be')?.id ?? null;
  const coordinator = people.find((person) => person.email === 'buddywerking@demo.regiekamer.be')?.id;
  if (!admin) return;
  const albatros = programmeActors.find((actor) => actor.name === 'Albatros')!;
  // The demo coordinator acts for Albatros.
  if (coordinator) await db.update(memberships).set({ actorId: albatros.id }).where(and(eq(memberships.userId, coordinator), eq(memberships.regionId, region.id)));

  const participants = await db.select({ id: trajectoryParticipants.id, code: trajectoryParticipants.code }).from(trajectoryParticipants).where(eq(trajectoryParticipants.regionId, region.id));
  const participantByCode = new Map(participants.map((participant) => [participant.code, participant.id]));

  await db.transaction(async (tx) => {
    const programmeIds = new Map<string, string>();
    for (const actor of programmeActors) {
      const description = actor.name === 'Albatros' ? 'Vrijwilligers uit Poperinge en Ieper trekken een half jaar op met een nieuwkomer.' : 'Buddy’s van het Sociaal Huis helpen nieuwkomers in Diksmuide en Houthulst hun weg te vinden.';
      const [row] = await tx.insert(buddyProgrammes).values({ regionId: region.id, actorId: actor.id, description }).returning({ id: buddyProgrammes.id });
      programmeIds.set(actor.name, row!.id);
    }
    const volunteerIds = new Map<string, string>();
    for (const volunteer of VOLUNTEERS) {
      const [row] = await tx
        .insert(buddyVolunteers)
        .values({ regionId: region.id, programmeId: programmeIds.get(volunteer.programme)!, firstName: volunteer.firstName, municipalityNis: volunteer.nis, languages: volunteer.languages, interests: volunteer.interests, availableDays: volunteer.days, maxDuos: volunteer.maxDuos ?? 1 })
        .returning({ id: buddyVolunteers.id });
      volunteerIds.set(volunteer.firstName, row!.id);
    }
    for (const duo of DUOS) {
      const participantId = participantByCode.get(duo.participant);
      if (!participantId) continue;
      const ended = duo.status === 'afgerond' || duo.status === 'gestopt';
      const [row] = await tx
        .insert(buddyDuos)
        .values({
          regionId: region.id,
          volunteerId: volunteerIds.get(duo.volunteer)!,
          participantId,
          status: duo.status,
          startedOn: day(-duo.startedDaysAgo),
          endedOn: ended ? day(-Math.max(1, duo.startedDaysAgo - 120)) : null,
          reasons: ['Spreekt dezelfde taal', 'Woont dichtbij'],
          createdBy: coach,
        })
        .returning({ id: buddyDuos.id });
      // Meetings spread over the duo's time, about every two weeks.
      for (const [index, activity] of duo.meetings.entries()) {
        await tx.insert(buddyDuoMeetings).values({ duoId: row!.id, metOn: day(-duo.startedDaysAgo + 3 + index * 14), activity, loggedBy: coach });
      }
    }
  });

  // The learning network: a working group of the cooperative, its intervision meetings with topics the coordinators chose.
  const members = [{ userId: admin, role: 'voorzitter' as const, memberId: null }, ...(coordinator ? [{ userId: coordinator, role: 'secretaris' as const, memberId: null }] : [])];
  const body = await createBody(db, region.id, { kind: 'werkgroep', name: 'Lerend netwerk buddywerkingen', description: 'De coördinatoren van de buddywerkingen wisselen ervaringen uit en kiezen samen de onderwerpen van de intervisie.', quorum: null, members }, admin);
  await db.insert(buddyLearningNetworks).values({ regionId: region.id, bodyId: body.id });
  const intervisions = [
    { title: 'Intervisie buddywerkingen — najaar', days: -35, location: 'Albatros, Poperinge', topics: ['Vrijwilligers vinden en houden', 'Afscheid nemen na een half jaar'] },
    { title: 'Intervisie buddywerkingen — winter', days: 21, location: 'Sociaal Huis Diksmuide', topics: ['Taalbarrières in het eerste gesprek', 'Samenwerken met de trajectcoach', 'Rondvraag'] },
  ];
  for (const meeting of intervisions) {
    await createMeeting(
      db,
      region,
      {
        bodyId: body.id,
        title: meeting.title,
        startsAt: at(meeting.days, 10),
        endsAt: at(meeting.days, 12),
        location: meeting.location,
        videoUrl: null,
        minutesPublic: false,
        agenda: meeting.topics.map((title) => ({ title, description: '', linkKind: null, linkRef: null })),
      },
      admin,
    );
  }
}
