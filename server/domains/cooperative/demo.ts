// Demo data: cooperants, a steering group and two working groups per demo region; in CO7 the co-financing
// table, two past meetings with minutes and decisions (one approving a plan change proposal) and one upcoming.
import { composeNewsletterDraft } from './newsletter.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { regions } from '../regions/schema.js';
import { planActions, planFunding, plans } from '../plans/schema.js';
import { createProposal, loadPlan } from '../plans/service.js';
import { coopBodies, coopFinancingShares, coopNewsletters } from './schema.js';
import { createBody, createFinancingYear, createMember, listMembers } from './service.js';
import { createActionPoint, createMeeting, recordDecision, saveMinutes, setAttendance } from './meetings.js';

const CO7 = ['33011', '33021', '33039', '33040', '33016', '33041', '33037'];
const DAY = 86_400_000;

function at(daysFromToday: number, hour: number): string {
  const day = new Date();
  day.setUTCHours(hour - 1, 0, 0, 0);
  return new Date(day.getTime() + daysFromToday * DAY).toISOString();
}

async function userId(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

/** Seeds the cooperative demo; skips a region that already has a steering group. */
export async function seedCooperativeDemo(db: Db): Promise<void> {
  const admin = await userId(db, 'regisseur@demo.regiekamer.be');
  const steering = await userId(db, 'stuurgroep@demo.regiekamer.be');
  const partner = await userId(db, 'partner@demo.regiekamer.be');
  if (!admin || !steering) return;
  for (const slug of ['zuidelijke-westhoek', 'westhoek'] as const) {
    const [region] = await db.select().from(regions).where(eq(regions.slug, slug));
    if (!region) continue;
    const [existing] = await db.select({ id: coopBodies.id }).from(coopBodies).where(eq(coopBodies.regionId, region.id));
    if (existing) continue;
    // One municipal actor per municipality of the region (its culture service) becomes a cooperant.
    const municipal = await db
      .select({ id: actors.id, name: actors.name, nis: actors.municipalityNis })
      .from(actors)
      .where(and(eq(actors.regionId, region.id), eq(actors.kind, 'lokaal-bestuur')))
      .orderBy(asc(actors.name));
    const seen = new Set<string>();
    const wanted = slug === 'zuidelijke-westhoek' ? CO7 : null;
    for (const [index, actor] of municipal.entries()) {
      if (!actor.nis || seen.has(actor.nis) || (wanted && !wanted.includes(actor.nis))) continue;
      seen.add(actor.nis);
      await createMember(
        db,
        region.id,
        { actorId: actor.id, membershipKind: 'volwaardig', memberSince: `${2019 + (index % 3)}-01-01`, municipalityNis: actor.nis, representativeUserId: index === 0 ? steering : null },
        admin,
      );
    }
    const [promoter] = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.regionId, region.id), eq(actors.kind, 'organisatie'))).orderBy(asc(actors.name)).limit(1);
    if (promoter && !municipal.some((actor) => actor.id === promoter.id)) {
      await createMember(db, region.id, { actorId: promoter.id, membershipKind: 'geassocieerd', memberSince: '2022-09-01', municipalityNis: null, representativeUserId: partner && slug === 'zuidelijke-westhoek' ? partner : null }, admin);
    }
    const members = await listMembers(db, region.id);
    const boardMembers = [
      // The secretary sits for the cooperant she represents (a municipality), the partner for the associated member.
      { userId: steering, role: 'secretaris' as const, memberId: members.find((member) => member.representative?.id === steering)?.id ?? members[0]?.id ?? null },
      { userId: admin, role: 'voorzitter' as const, memberId: null },
      ...(partner && slug === 'zuidelijke-westhoek' ? [{ userId: partner, role: 'lid' as const, memberId: members.find((member) => member.membershipKind === 'geassocieerd')?.id ?? null }] : []),
    ];
    const board = await createBody(db, region.id, { kind: 'stuurgroep', name: 'Stuurgroep', description: 'Beslist over het actieplan, de begroting en de verdeling van de cofinanciering.', quorum: 2, members: boardMembers }, admin);
    await createBody(db, region.id, { kind: 'werkgroep', name: 'Werkgroep erfgoed', description: 'Bereidt de erfgoedacties voor en volgt de collectiewerking op.', quorum: null, members: [{ userId: admin, role: 'voorzitter', memberId: null }, { userId: steering, role: 'secretaris', memberId: null }] }, admin);
    await createBody(db, region.id, { kind: 'werkgroep', name: 'Werkgroep communicatie', description: 'Zorgt voor de nieuwsbrief, de website en de gezamenlijke campagnes.', quorum: null, members: [{ userId: steering, role: 'voorzitter', memberId: null }, { userId: admin, role: 'secretaris', memberId: null }] }, admin);
    if (slug !== 'zuidelijke-westhoek') continue;

    // Co-financing: this year by a mix of equal shares and inhabitants, last year fully paid.
    const [funding] = await db.select({ id: planFunding.id }).from(planFunding).innerJoin(plans, eq(plans.id, planFunding.planId)).where(and(eq(plans.regionId, region.id), eq(planFunding.fundingSource, 'cofinanciering'))).limit(1);
    const thisYear = new Date().getUTCFullYear();
    const current = await createFinancingYear(db, region.id, { year: thisYear, budgetCents: 8_400_000, keyKind: 'mix', weights: { equal: 40, inhabitants: 60, fixed: 0 }, planFundingId: funding?.id ?? null, note: 'Gemeentelijke bijdrage aan de werking (25 % cofinanciering).' }, admin);
    const previous = await createFinancingYear(db, region.id, { year: thisYear - 1, budgetCents: 7_900_000, keyKind: 'inwoners', weights: { equal: 0, inhabitants: 0, fixed: 0 }, planFundingId: null, note: '' }, admin);
    for (const [index, row] of current.rows.entries()) {
      // Most municipalities paid (some in part), a few not yet: the table shows what is open.
      const paid = index % 3 === 2 ? 0 : index % 3 === 1 ? Math.round(row.shareCents / 2) : row.shareCents;
      await db.insert(coopFinancingShares).values({ yearId: current.id, memberId: row.memberId, receivedCents: paid, receivedOn: paid ? `${thisYear}-03-${String(10 + index).padStart(2, '0')}` : null });
    }
    for (const row of previous.rows) {
      await db.insert(coopFinancingShares).values({ yearId: previous.id, memberId: row.memberId, receivedCents: row.shareCents, receivedOn: `${thisYear - 1}-04-15` });
    }

    // Meetings: two past (with minutes and decisions), one upcoming with an open proposal on its agenda.
    const [plan] = await db.select().from(plans).where(eq(plans.regionId, region.id)).limit(1);
    const planRow = plan ? await loadPlan(db, region, plan.id, 'admin') : null;
    const actionRows = plan ? await db.select({ id: planActions.id, title: planActions.title }).from(planActions).where(eq(planActions.planId, plan.id)).orderBy(asc(planActions.number)).limit(3) : [];
    const proposals = [];
    if (planRow && actionRows.length >= 2) {
      proposals.push(await createProposal(db, planRow, actionRows[0]!.id, { description: 'Uitgebreid met een tweede netwerkmoment in het najaar, op vraag van de gemeenten.' }, 'De partners vragen een extra ontmoeting na de zomer.', admin));
      proposals.push(await createProposal(db, planRow, actionRows[1]!.id, { description: 'Wordt samen met de bibliotheken van de regio uitgewerkt.' }, 'De bibliotheken willen mee trekken.', partner ?? admin));
    }
    const viewer = { userId: steering, role: 'steering' as const };
    const first = await createMeeting(
      db,
      region,
      {
        bodyId: board.id,
        title: 'Stuurgroep voorjaar',
        startsAt: at(-42, 14),
        endsAt: at(-42, 16),
        location: 'Stadhuis Ieper, zaal 2',
        videoUrl: null,
        minutesPublic: true,
        agenda: [
          { title: 'Verslag vorige vergadering', description: '', linkKind: null, linkRef: null },
          { title: 'Verdeling cofinanciering', description: 'Voorstel: 40 % gelijke delen, 60 % volgens inwoners.', linkKind: null, linkRef: null },
          ...(proposals[0] ? [{ title: 'Wijzigingsvoorstel netwerkmomenten', description: '', linkKind: 'voorstel' as const, linkRef: proposals[0].id }] : []),
        ],
      },
      admin,
    );
    await setAttendance(db, region, first.id, { rows: boardMembers.map((member) => ({ userId: member.userId, status: 'aanwezig' as const })) }, viewer);
    await saveMinutes(db, region.id, first.id, { minutes: 'De voorzitter opent de vergadering. Het verslag van de vorige vergadering wordt zonder opmerkingen goedgekeurd.\n\nDe regisseur licht de verdeelsleutel toe; de gemeenten vinden een mix van gelijke delen en inwoners het meest billijk.', minutesVersion: 1 }, steering);
    await recordDecision(db, region, first.id, { text: `De cofinanciering ${thisYear} wordt verdeeld volgens 40 % gelijke delen en 60 % inwoners.`, proposalId: null, outcome: 'goedgekeurd', planActionId: null }, { ...viewer });
    if (proposals[0]) await recordDecision(db, region, first.id, { text: 'Het extra netwerkmoment in het najaar wordt opgenomen in het actieplan.', proposalId: proposals[0].id, outcome: 'goedgekeurd', planActionId: null }, { ...viewer });
    await createActionPoint(db, region.id, first.id, { description: 'De facturen voor de gemeentelijke bijdragen versturen', assigneeUserId: admin, dueOn: at(-20, 12).slice(0, 10), status: 'klaar', planActionId: null }, admin);

    const second = await createMeeting(
      db,
      region,
      {
        bodyId: board.id,
        title: 'Stuurgroep najaar',
        startsAt: at(-9, 10),
        endsAt: at(-9, 12),
        location: '',
        videoUrl: 'https://meet.jit.si/regiekamer-co7-stuurgroep',
        minutesPublic: false,
        agenda: [
          { title: 'Stand van de acties', description: '', linkKind: actionRows[2] ? 'actie' : null, linkRef: actionRows[2]?.id ?? null },
          { title: 'Jaarplanning volgend werkjaar', description: '', linkKind: 'document', linkRef: 'https://www.co7.be' },
        ],
      },
      admin,
    );
    await setAttendance(db, region, second.id, { rows: boardMembers.map((member, index) => ({ userId: member.userId, status: index === 2 ? ('verontschuldigd' as const) : ('aanwezig' as const) })) }, viewer);
    await saveMinutes(db, region.id, second.id, { minutes: 'Online vergadering. De werkgroepen brengen verslag uit over de lopende acties; de erfgoedacties liggen op schema.', minutesVersion: 1 }, steering);
    await recordDecision(db, region, second.id, { text: 'De werkgroep communicatie maakt een voorstel voor een gezamenlijke zomercampagne.', proposalId: null, outcome: 'goedgekeurd', planActionId: actionRows[2]?.id ?? null }, { ...viewer });
    await createActionPoint(db, region.id, second.id, { description: 'Een ontwerp van de zomercampagne voorleggen', assigneeUserId: steering, dueOn: at(20, 12).slice(0, 10), status: 'bezig', planActionId: actionRows[2]?.id ?? null }, admin);

    await createMeeting(
      db,
      region,
      {
        bodyId: board.id,
        title: 'Stuurgroep winter',
        startsAt: at(12, 14),
        endsAt: at(12, 16),
        location: 'Cultuurcentrum Poperinge',
        videoUrl: null,
        minutesPublic: true,
        agenda: [
          { title: 'Goedkeuring verslag', description: '', linkKind: null, linkRef: null },
          ...(proposals[1] ? [{ title: 'Samenwerking met de bibliotheken', description: 'Wijzigingsvoorstel van een partner.', linkKind: 'voorstel' as const, linkRef: proposals[1].id }] : []),
          { title: 'Rondvraag', description: '', linkKind: null, linkRef: null },
        ],
      },
      admin,
    );

    // Newsletter: one sent, public issue in the archive and a draft composed from the demo's activity.
    await db.insert(coopNewsletters).values({
      regionId: region.id,
      title: 'Nieuwsbrief CO7 — voorjaar',
      intro: 'Dag partners,\n\nDe stuurgroep legde de verdeling van de cofinanciering vast en de erfgoedacties liggen op schema. Hieronder het belangrijkste nieuws.',
      items: [
        { kind: 'decision', title: `Cofinanciering ${thisYear}: 40 % gelijke delen, 60 % inwoners`, text: 'Elke gemeente ziet haar bijdrage in de tabel van de cofinanciering.', url: `/r/${slug}/cooperatie/cofinanciering`, date: null },
        { kind: 'meeting', title: 'Stuurgroep voorjaar', text: 'Het verslag is publiek.', url: `/r/${slug}/cooperatie/vergaderingen/${first.id}`, date: null },
      ],
      status: 'verzonden',
      audience: 'publiek',
      sentAt: new Date(Date.parse(at(-40, 9))),
      recipientCount: 4,
      createdBy: admin,
    });
    await composeNewsletterDraft(db, region, 30, admin, translatorFor('nl'));
  }
}
