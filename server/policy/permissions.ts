import type { Role } from '../domains/accounts/schema.js';

/**
 * Who may do what: one rule per named action. This table is the permission matrix
 * (docs/permissions.md is generated from it, and the role sweep in server/security tests every route against it).
 *
 * - `everyone`: anonymous visitors too (the service still hides what is not public);
 * - `signedIn`: any logged-in user, whatever their regions;
 * - `roles`: members of the resource's region with one of these roles;
 * - `ownRoles`: members with one of these roles, but only for a resource their own actor (organisation) is part of.
 */
export interface PermissionRule {
  everyone?: true;
  signedIn?: true;
  roles?: readonly Role[];
  ownRoles?: readonly Role[];
  /** Short Dutch description for the matrix. */
  description: string;
}

const MEMBERS = ['admin', 'editor', 'steering', 'viewer'] as const;

export const PERMISSIONS = {
  // Platform and session
  'health.read': { everyone: true, description: 'Gezondheid van de server opvragen' },
  'reference.read': { everyone: true, description: 'Gemeenten en sectoren opvragen' },
  'session.read': { everyone: true, description: 'De eigen sessie opvragen' },
  'auth.login': { everyone: true, description: 'Aanmelden en afmelden' },
  'auth.password-reset': { everyone: true, description: 'Een nieuw wachtwoord aanvragen of instellen' },
  'account.update': { signedIn: true, description: 'Het eigen account en wachtwoord wijzigen' },
  'invitation.accept': { everyone: true, description: 'Een uitnodiging bekijken en aanvaarden (met de token)' },
  // Regions and memberships
  'region.read': { everyone: true, description: 'Regio’s en hun publieke gegevens bekijken' },
  'region.settings.update': { roles: ['admin'], description: 'Naam, beschrijving en gemeenten van de regio wijzigen' },
  'membership.list': { roles: ['admin'], description: 'Leden en open uitnodigingen bekijken' },
  'membership.invite': { roles: ['admin'], description: 'Iemand uitnodigen of een uitnodiging intrekken' },
  'membership.update': { roles: ['admin'], description: 'De rol van een lid wijzigen of een lid verwijderen' },
  // Network
  'actor.read': { everyone: true, description: 'Actoren, relaties, graaf, bellenschema en dekking bekijken en exporteren (anoniem enkel publiek)' },
  'actor.create': { roles: ['admin'], description: 'Een actor toevoegen' },
  'actor.update': { roles: ['admin'], ownRoles: ['editor'], description: 'Een actor wijzigen (partner: enkel de eigen organisatie)' },
  'actor.delete': { roles: ['admin'], description: 'Een actor verwijderen' },
  'actor.editors.manage': { roles: ['admin'], description: 'Partners aan een actor koppelen of ontkoppelen' },
  'actor.history.read': { roles: MEMBERS, description: 'De geschiedenis van een actor bekijken' },
  'actor.import': { roles: ['admin'], description: 'Actoren importeren (voorbeeld, voortgang, import)' },
  'relation.edit': { roles: ['admin'], ownRoles: ['editor'], description: 'Relaties toevoegen, wijzigen of verwijderen (partner: enkel die van de eigen organisatie)' },
  // Plans
  'plan.read': { everyone: true, description: 'Plannen, acties, budget, partners, spreiding en exports bekijken (ontwerpen enkel leden)' },
  'plan.history.read': { roles: MEMBERS, description: 'Wijzigingen, versies, vergelijkingen en voorstellen van een plan bekijken' },
  'plan.import.preview': { roles: ['admin', 'editor'], description: 'Een voorbeeld van een planimport bekijken' },
  'plan.import': { roles: ['admin'], description: 'Een plan importeren' },
  'plan.update': { roles: ['admin'], description: 'Titel en status van een plan wijzigen' },
  'plan.edit': { roles: ['admin', 'editor'], description: 'Doelen, acties, indicatoren en partnerkoppelingen bewerken; voorstellen indienen' },
  'plan.partner.create-actor': { roles: ['admin'], description: 'Van een planpartner een nieuwe actor maken' },
  'plan.version.create': { roles: ['admin', 'steering'], description: 'Een versie van een plan vastleggen' },
  'plan.approve': { roles: ['steering'], description: 'Over een voorstel beslissen (stuurgroep)' },
  'plan.partner.suggestions.read': { roles: MEMBERS, description: 'Voorgestelde actoren voor niet-gekoppelde planpartners bekijken' },
  'plan.partner.suggestions.accept': { roles: ['admin', 'editor'], description: 'Een voorgestelde actor aan alle vermeldingen van een partnernaam koppelen' },
  // Platform services
  'job.read': { roles: MEMBERS, description: 'De status van een achtergrondtaak bekijken (enkel wie ze startte, of de regisseur)' },
  'job.read.any': { roles: ['admin'], description: 'De status van elke achtergrondtaak van de regio bekijken, ook die een ander startte' },
  'search.synonyms.manage': { roles: ['admin'], description: 'Synoniemen voor het zoeken bekijken, toevoegen en verwijderen' },
  // Brokering (the "Bouw je netwerk uit" flow): sheets are opened by admins, the editor of the organisation,
  // the sheet's participant or a guest with its token (server/domains/brokering/sheet-access.ts decides; 404 otherwise).
  'brokering.sheet.list.all': { roles: ['admin'], description: 'Alle werkbladen en combinaties van de regio zien (anderen: die van de eigen organisatie)' },
  'brokering.sheet.list': { roles: MEMBERS, description: 'Werkbladen bekijken (regisseur: alle; partner: die van de eigen organisatie)' },
  'brokering.sheet.create': { roles: ['admin'], ownRoles: ['editor'], description: 'Een werkblad starten voor een organisatie (partner: de eigen)' },
  'brokering.sheet.read': { everyone: true, description: 'Een werkblad bekijken en afdrukken (wie er toegang toe heeft, ook een gast met zijn token)' },
  'brokering.sheet.edit': { everyone: true, description: 'Een werkblad invullen: stappen, partnerkaarten, combinaties (wie er toegang toe heeft)' },
  'brokering.sheet.organisation': { roles: ['admin'], ownRoles: ['editor'], description: 'Elk werkblad van een organisatie openen en invullen (regisseur: alle; partner: die van de eigen organisatie; in de dienst nagekeken)' },
  'brokering.sheet.apply-draft': { roles: ['admin'], description: 'De ontwerptekst van stap 1–2 van een deelnemer op de netwerkkaart zetten' },
  'brokering.inspiration.read': { everyone: true, description: 'De inspiratielijst met sectoren en witte vlekken bekijken' },
  'brokering.combination.list': { roles: MEMBERS, description: 'Combinaties van de regio bekijken (partner: die van de eigen organisatie)' },
  'brokering.idea.read': { roles: MEMBERS, description: 'Samenwerkingsvoorstellen bekijken' },
  'brokering.idea.manage': { roles: ['admin'], description: 'Samenwerkingsvoorstellen maken, hun status wijzigen en aan een plan koppelen' },
  'brokering.proposed-actor.manage': { roles: ['admin'], description: 'Voorgestelde nieuwe actoren aanmaken of afwijzen' },
  // Matching
  'match.read': { roles: MEMBERS, description: 'Voorgestelde partners voor een nood of sterkte bekijken, met de redenen' },
  'match.region.read': { roles: ['admin'], description: 'De sterkste nog niet benutte koppels van de hele regio bekijken (regisseur)' },
  // Brokering: the live workshop room
  'workshop.facilitate': { roles: ['admin'], description: 'Workshops openen, uitnodigen, de live zaal volgen en afsluiten (begeleider)' },
  'workshop.report.read': { roles: MEMBERS, description: 'Het verslag van een workshop bekijken en als PDF downloaden' },
  'workshop.join': { everyone: true, description: 'Met een code meedoen aan een open workshop (als lid of als gast)' },
  // Lending pool
  'lending.read': { roles: MEMBERS, description: 'Uitleenmateriaal en ruimtes, kalenders, beschikbaarheid en reserveringen bekijken' },
  'lending.item.manage': { roles: ['admin'], ownRoles: ['editor'], description: 'Uitleenitems, foto’s en QR-labels beheren (partner: enkel die van de eigen organisatie)' },
  'lending.book': { roles: MEMBERS, description: 'Materiaal of een ruimte aanvragen (voor de eigen organisatie; regisseur voor elke actor)' },
  'lending.on-behalf': { roles: ['admin'], ownRoles: MEMBERS, description: 'Aanvragen op naam van een actor en diens iCal-link beheren (regisseur: elke actor; lid: de eigen organisatie; in de dienst nagekeken)' },
  'lending.booking.update': { roles: MEMBERS, description: 'Een reservering bevestigen, weigeren, uitlenen, terugnemen (eigenaar) of annuleren (ontlener of eigenaar)' },
  'lending.any-actor': { roles: ['admin'], description: 'Voor elke actor van de regio: alle reserveringen bekijken en QR-labels van elk item afdrukken (anderen: enkel de eigen organisatie)' },
  'lending.overview': { roles: ['admin', 'steering'], description: 'Het overzicht van de uitleendienst (inventaris, gebruik, bovenlokaal) bekijken en exporteren' },
  'lending.import': { roles: ['admin'], description: 'Een bestaande inventaris importeren (voorbeeld en import)' },
  'lending.feed.manage': { roles: MEMBERS, description: 'De iCal-link van de reserveringen van de eigen organisatie opvragen of vernieuwen' },
  'lending.feed.read': { everyone: true, description: 'De iCal-feed van een actor lezen (met de geheime link)' },
  // Catalog (aanbod): back office
  'offer.list': { roles: MEMBERS, description: 'Het aanbod van de regio bekijken met ontwerpen en archief (leden)' },
  'offer.edit': { roles: ['admin'], ownRoles: ['editor'], description: 'Aanbod toevoegen, wijzigen of verwijderen (partner: enkel dat van de eigen organisatie)' },
  'offer.import': { roles: ['admin'], description: 'Aanbod importeren uit UiTdatabank (voorbeeld en import)' },
  'offer.export': { roles: MEMBERS, description: 'Het aanbod en de dekking per gemeente exporteren (CSV, XLSX)' },
  'catalog.coverage.read': { roles: MEMBERS, description: 'De dekking van het aanbod per gemeente bekijken (hiaten in het aanbod)' },
  'catalog.settings.manage': { roles: ['admin'], description: 'De koppeling met UiTdatabank instellen en een ophaling starten' },
  'catalog.feed.read': { everyone: true, description: 'Publieke feeds van het aanbod (JSON-LD, iCal) en de widget' },
  // Public catalog (issue #10)
  'catalog.public.read': { everyone: true, description: 'Het publieke aanbod bekijken: zoeken, filteren, een activiteit en haar agenda-bestand (enkel gepubliceerde, lopende activiteiten)' },
  // Cooperative (cooperants, co-financing, meetings, communication)
  'coop.read': { roles: MEMBERS, description: 'Coöperanten, stuur- en werkgroepen, cofinanciering, vergaderingen en besluiten bekijken en exporteren' },
  'coop.meeting.read': { everyone: true, description: 'Een vergadering en haar verslag bekijken (verslag enkel leden, tenzij publiek)' },
  'coop.manage': { roles: ['admin'], description: 'Coöperanten, groepen, cofinanciering en vergaderingen beheren; uitnodigingen versturen; verzonden mails bekijken' },
  'coop.minutes.write': { roles: ['admin', 'steering'], description: 'Het verslag schrijven, aanwezigheden en actiepunten bijhouden' },
  'coop.decide': { roles: ['steering'], description: 'Een besluit vastleggen in een vergadering (stuurgroep), ook over een wijzigingsvoorstel' },
  'coop.settings': { roles: MEMBERS, description: 'De eigen meldingsinstellingen wijzigen' },
  'coop.newsletter.read': { everyone: true, description: 'Het archief van de nieuwsbrief lezen (een nummer voor leden enkel leden, concepten enkel de regisseur)' },
  // Participation: surveys and voting rounds (issue #13)
  'participation.read': { roles: MEMBERS, description: 'Bevragingen, hun resultaten en exports en stemrondes bekijken' },
  'participation.manage': { roles: ['admin'], description: 'Bevragingen en stemrondes opstellen, openen, sluiten (met uitkomst) en herinneringen sturen' },
  'participation.vote': { roles: MEMBERS, description: 'Stemmen in een stemronde (enkel wie tot de stemgerechtigden behoort)' },
  'participation.answer': { roles: MEMBERS, description: 'Een bevraging voor leden of partners invullen' },
  'participation.answer.partners': { roles: ['admin', 'editor'], description: 'Een bevraging enkel voor partners invullen (regisseur en partners; in de dienst nagekeken)' },
  'participation.public': { everyone: true, description: 'Een publieke bevraging via haar link invullen (anoniem, met een limiet per browser en IP-adres)' },
  // Trajectories for newcomers (issue #11, decision 027): personal data, each role sees only its own part
  'trajectory.read': { roles: ['coach', 'trajectbegeleider', 'admin'], description: 'De eigen deelnemers bekijken (coach: wie hem toegewezen is; trajectbegeleider: de eigen verwijzingen)' },
  'trajectory.refer': { roles: ['trajectbegeleider', 'coach'], description: 'Een inburgeraar verwijzen naar een participatietraject' },
  'trajectory.coach': { roles: ['coach', 'admin'], description: 'Het dossier van een deelnemer bijhouden: stappen, toestemmingen, suggesties, plaatsen, overdracht, export en wissen (enkel de eigen coach)' },
  'trajectory.hours.log': { roles: ['coach', 'admin'], ownRoles: ['editor'], description: 'Gevolgde uren registreren (de coach, of de organisatie van de plaats)' },
  'trajectory.partner': { ownRoles: ['editor'], description: 'Plaatsen bij de eigen organisatie bekijken en beantwoorden (enkel wat de deelnemer wil delen)' },
  'trajectory.assign': { roles: ['admin'], description: 'Een wachtende verwijzing (enkel haar code) aan een coach toewijzen' },
  'trajectory.monitoring.read': { roles: ['admin', 'steering'], description: 'Pseudonieme cijfers over de trajecten (geen groepen onder 5 personen)' },
  // Trajectories: privacy per region (decision 031)
  'trajectory.settings.manage': { roles: ['admin'], description: 'Doel en bewaartermijn van de persoonsgegevens in de trajecten instellen' },
  // Buddy network (issue #11, decision 030): coordinators act for their own programme
  'buddy.read': { roles: ['coach', 'admin'], ownRoles: ['editor'], description: 'Buddywerkingen, hun buddy’s en duo’s bekijken (coördinator: enkel de eigen werking; van deelnemers enkel de code)' },
  'buddy.programme.manage': { roles: ['admin'], description: 'Een organisatie als buddywerking toevoegen en het lerend netwerk koppelen' },
  'buddy.pool.manage': { roles: ['admin'], ownRoles: ['editor'], description: 'Buddy’s toevoegen en wijzigen (coördinator: enkel in de eigen werking)' },
  'buddy.pair': { roles: ['coach', 'admin'], description: 'Een buddy zoeken voor en koppelen aan een eigen deelnemer (enkel de eigen coach)' },
  'buddy.duo.update': { roles: ['coach', 'admin'], ownRoles: ['editor'], description: 'De status van een duo wijzigen en ontmoetingen registreren (de coach of de coördinator van de werking)' },
  // Plan indicators that follow a figure (decision 032).
  'plan.indicator.link': { roles: ['admin', 'editor'], description: 'Een indicator van een plan aan een cijfer (bv. van de trajecten) koppelen en nu bijwerken' },
} as const satisfies Record<string, PermissionRule>;

export type Action = keyof typeof PERMISSIONS;

/** Actions anyone may attempt, logged in or not: the route answers without a user. */
export type PublicAction = { [A in Action]: (typeof PERMISSIONS)[A] extends { everyone: true } ? A : never }[Action];

/** Actions only members or signed-in users may do. */
export type MemberAction = Exclude<Action, PublicAction>;
