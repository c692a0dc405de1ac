import { cofinancingShares } from '../cooperative/service.js';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import type { RegionRow } from '../../http/access.js';
import { createSurvey } from './surveys.js';
import { castStance, createPoll } from './polls.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from './schema.js';

const DAY = 24 * 3600_000;

/** A small deterministic generator, so the demo charts look the same on every seed. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const PARTNER_REMARKS = [
  'Graag meer tijd om samen met andere sectoren te brainstormen.',
  'De werkgroep erfgoed mag vaker samenkomen, ook buiten de kantooruren.',
  'Een gedeelde kalender van activiteiten zou ons veel mailen besparen.',
  'Wij zoeken vooral vrijwilligers; misschien kan de regio een pool opzetten.',
  'De intervisie tussen bibliotheken werkt goed, breid het uit naar cultuurcentra.',
  'Meer aandacht voor de kleinere gemeenten alstublieft.',
  'Het uitleenmateriaal (tenten, geluid) is een echte meerwaarde.',
  'Duidelijkere terugkoppeling na de stuurgroep zou helpen.',
];

/** Demo surveys (a closed partners' survey with 60 answers, an open multilingual newcomers' survey) and an open proposal poll. */
export async function seedParticipationDemo(db: Db): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, 'zuidelijke-westhoek'));
  if (!region) return;
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['regisseur@demo.regiekamer.be', 'partner@demo.regiekamer.be']));
  const admin = people.find((person) => person.email.startsWith('regisseur'));
  const partner = people.find((person) => person.email.startsWith('partner'));
  if (!admin || !partner) return;
  await seedPartnerSurvey(db, region as RegionRow, admin.id);
  await seedNewcomerSurvey(db, region as RegionRow, admin.id);

  const poll = await createPoll(
    db,
    region as RegionRow,
    'admin',
    {
      title: 'Gedeelde vrijwilligerspool voor de CO7-gemeenten',
      description: 'Voorstel: de regio bouwt in 2027 één pool van vrijwilligers op waar elke partner uit kan putten, met een gezamenlijke verzekering en een jaarlijkse bedankavond.',
      kind: 'proposal',
      options: [],
      closesAt: new Date(Date.now() + 9 * DAY).toISOString(),
      audience: 'members',
      anonymous: false,
      hideResults: false,
      points: 10,
      weighted: false,
    },
    admin.id,
  );
  await castStance(db, region as RegionRow, poll.id, admin.id, { choice: 'akkoord', reason: 'Dit vraagt elke partner al jaren; samen staan we sterker.' });
  await castStance(db, region as RegionRow, poll.id, partner.id, { choice: 'onthouding', reason: 'Goed idee, maar ik wil eerst de kost van de verzekering zien.' });
  await seedWeightedSteeringPoll(db, region as RegionRow, admin.id, partner.id);
}

/** A steering-group vote weighted by co-financing share (the cooperative's demo financing year), with two stances. */
async function seedWeightedSteeringPoll(db: Db, region: RegionRow, adminId: string, partnerId: string) {
  const year = new Date().getUTCFullYear();
  if ((await cofinancingShares(db, region.id, year)).size === 0) return;
  const [steering] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'stuurgroep@demo.regiekamer.be'));
  const poll = await createPoll(
    db,
    region,
    'admin',
    {
      title: 'Gezamenlijke aankoop van een uitleenbus',
      description: 'De stuurgroep stemt gewogen volgens ieders aandeel in de cofinanciering: wie meer bijdraagt, weegt zwaarder.',
      kind: 'proposal',
      options: [],
      closesAt: new Date(Date.now() + 6 * DAY).toISOString(),
      audience: 'steering',
      anonymous: false,
      hideResults: false,
      points: 10,
      weighted: true,
      weightYear: year,
    },
    adminId,
  );
  if (steering) await castStance(db, region, poll.id, steering.id, { choice: 'akkoord', reason: 'De bus rijdt voor alle gemeenten; de kosten delen we volgens de sleutel.' });
  await castStance(db, region, poll.id, partnerId, { choice: 'niet-akkoord', reason: 'Liever eerst een jaar huren en zien hoe vaak hij rijdt.' });
}

async function seedPartnerSurvey(db: Db, region: RegionRow, adminId: string) {
  const survey = await createSurvey(
    db,
    region,
    {
      title: { nl: 'Partnerbevraging werking 2026' },
      intro: { nl: 'Hoe ervaren de partners de samenwerking in de regio? Het invullen duurt vijf minuten.' },
      languages: ['nl'],
      audience: 'partners',
      questions: [
        { kind: 'section', text: { nl: 'Over jouw organisatie' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'single', text: { nl: 'In welke sector werkt je organisatie vooral?' }, options: [{ nl: 'Bibliotheek' }, { nl: 'Cultuurcentrum' }, { nl: 'Erfgoed' }, { nl: 'Jeugd en onderwijs' }, { nl: 'Welzijn' }], required: true, scaleMin: 1, scaleMax: 5 },
        { kind: 'section', text: { nl: 'Over de samenwerking' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'scale', text: { nl: 'Hoe tevreden ben je over de regionale samenwerking?' }, options: [], required: true, scaleMin: 1, scaleMax: 5 },
        { kind: 'multiple', text: { nl: 'Aan welke activiteiten nam je dit jaar deel?' }, options: [{ nl: 'Stuurgroep' }, { nl: 'Werkgroep' }, { nl: 'Intervisie' }, { nl: 'Vorming' }, { nl: 'Uitleendienst' }], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'ranking', text: { nl: 'Rangschik deze thema’s volgens belang voor volgend jaar' }, options: [{ nl: 'Vrijwilligers' }, { nl: 'Communicatie' }, { nl: 'Samen programmeren' }, { nl: 'Materiaal delen' }], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'long', text: { nl: 'Wat kan er beter?' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
      ],
    },
    adminId,
  );
  const questions = await db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, survey.id)).orderBy(surveyQuestions.position);
  const [, sector, , satisfaction, activities, ranking, remarks] = questions;
  const random = generator(2026);
  const start = Date.now() - 40 * DAY;
  for (let index = 0; index < 60; index++) {
    const [response] = await db.insert(surveyResponses).values({ surveyId: survey.id, language: 'nl', createdAt: new Date(start + index * 0.4 * DAY) }).returning();
    const rows: (typeof surveyAnswers.$inferInsert)[] = [];
    const base = { responseId: response!.id, surveyId: survey.id };
    const sectorKey = pick(random, [['a1', 5], ['a2', 3], ['a3', 2], ['a4', 2], ['a5', 1]] as const);
    rows.push({ ...base, questionId: sector!.id, optionKey: sectorKey });
    // Libraries and cultural centres are a little happier than the rest: the filter shows a difference.
    const happy = sectorKey === 'a1' || sectorKey === 'a2';
    rows.push({ ...base, questionId: satisfaction!.id, numberValue: pick(random, happy ? ([[2, 1], [3, 3], [4, 6], [5, 3]] as const) : ([[1, 1], [2, 3], [3, 4], [4, 3], [5, 1]] as const)) });
    for (const [key, chance] of [['a1', 0.25], ['a2', 0.55], ['a3', 0.4], ['a4', 0.5], ['a5', 0.35]] as const) if (random() < chance) rows.push({ ...base, questionId: activities!.id, optionKey: key });
    if (random() < 0.85) {
      const order = ['a1', 'a2', 'a3', 'a4'].sort((a, b) => random() - 0.5 + (a === 'a1' ? -0.3 : 0) - (b === 'a1' ? -0.3 : 0));
      order.forEach((key, rank) => rows.push({ ...base, questionId: ranking!.id, optionKey: key, numberValue: rank + 1 }));
    }
    if (random() < 0.3) rows.push({ ...base, questionId: remarks!.id, textValue: PARTNER_REMARKS[index % PARTNER_REMARKS.length]! });
    await db.insert(surveyAnswers).values(rows);
  }
  await db.update(surveys).set({ status: 'closed', closedAt: new Date(Date.now() - 14 * DAY), createdAt: new Date(start - DAY) }).where(eq(surveys.id, survey.id));
}

async function seedNewcomerSurvey(db: Db, region: RegionRow, adminId: string) {
  const survey = await createSurvey(
    db,
    region,
    {
      title: { nl: 'Nieuw in de regio: wat zoek je?', en: 'New in the region: what are you looking for?', fr: 'Nouveau dans la région : que cherchez-vous ?', ar: 'جديد في المنطقة: عمّ تبحث؟', uk: 'Нові в регіоні: що ви шукаєте?' },
      intro: { nl: 'Een korte, anonieme bevraging voor wie hier pas woont.', en: 'A short anonymous survey for people who recently moved here.', fr: 'Une courte enquête anonyme pour les nouveaux habitants.', ar: 'استبيان قصير ومجهول الهوية لمن انتقل حديثًا إلى هنا.', uk: 'Коротке анонімне опитування для тих, хто нещодавно переїхав.' },
      languages: ['nl', 'en', 'fr', 'ar', 'uk'],
      audience: 'public',
      questions: [
        {
          kind: 'multiple',
          text: { nl: 'Waar wil je graag meer over weten?', en: 'What would you like to know more about?', fr: 'Sur quoi aimeriez-vous en savoir plus ?', ar: 'ما الذي تود معرفة المزيد عنه؟', uk: 'Про що ви хотіли б дізнатися більше?' },
          options: [
            { nl: 'De bibliotheek', en: 'The library', fr: 'La bibliothèque', ar: 'المكتبة', uk: 'Бібліотека' },
            { nl: 'Nederlands leren', en: 'Learning Dutch', fr: 'Apprendre le néerlandais', ar: 'تعلم اللغة الهولندية', uk: 'Вивчення нідерландської' },
            { nl: 'Sport en verenigingen', en: 'Sports and clubs', fr: 'Sports et associations', ar: 'الرياضة والجمعيات', uk: 'Спорт і клуби' },
            { nl: 'Activiteiten voor kinderen', en: 'Activities for children', fr: 'Activités pour enfants', ar: 'أنشطة للأطفال', uk: 'Заходи для дітей' },
          ],
          required: true,
          scaleMin: 1,
          scaleMax: 5,
        },
        {
          kind: 'scale',
          text: { nl: 'Hoe welkom voel je je hier?', en: 'How welcome do you feel here?', fr: 'Vous sentez-vous bienvenu(e) ici ?', ar: 'إلى أي مدى تشعر بالترحيب هنا؟', uk: 'Наскільки бажаним ви тут почуваєтесь?' },
          options: [],
          required: false,
          scaleMin: 1,
          scaleMax: 5,
        },
        { kind: 'short', text: { nl: 'Wat mis je nog?', en: 'What are you still missing?', fr: 'Que vous manque-t-il encore ?', ar: 'ما الذي ينقصك بعد؟', uk: 'Чого вам ще бракує?' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
      ],
    },
    adminId,
  );
  const questions = await db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, survey.id)).orderBy(surveyQuestions.position);
  const random = generator(7);
  const languages = ['nl', 'nl', 'en', 'fr', 'ar', 'ar', 'uk', 'uk'];
  for (let index = 0; index < 24; index++) {
    const [response] = await db.insert(surveyResponses).values({ surveyId: survey.id, language: languages[index % languages.length]!, createdAt: new Date(Date.now() - (24 - index) * 0.5 * DAY) }).returning();
    const base = { responseId: response!.id, surveyId: survey.id };
    const rows: (typeof surveyAnswers.$inferInsert)[] = [];
    for (const [key, chance] of [['a1', 0.5], ['a2', 0.7], ['a3', 0.35], ['a4', 0.45]] as const) if (random() < chance || (key === 'a2' && rows.length === 0)) rows.push({ ...base, questionId: questions[0]!.id, optionKey: key });
    rows.push({ ...base, questionId: questions[1]!.id, numberValue: pick(random, [[2, 1], [3, 4], [4, 5], [5, 2]] as const) });
    await db.insert(surveyAnswers).values(rows);
  }
}
