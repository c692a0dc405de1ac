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
  'search.synonyms.manage': { roles: ['admin'], description: 'Synoniemen voor het zoeken bekijken, toevoegen en verwijderen' },
  // Participation: surveys and voting rounds (issue #13)
  'participation.read': { roles: MEMBERS, description: 'Bevragingen, hun resultaten en exports en stemrondes bekijken' },
  'participation.manage': { roles: ['admin'], description: 'Bevragingen en stemrondes opstellen, openen, sluiten (met uitkomst) en herinneringen sturen' },
  'participation.vote': { roles: MEMBERS, description: 'Stemmen in een stemronde (enkel wie tot de stemgerechtigden behoort)' },
  'participation.answer': { roles: MEMBERS, description: 'Een bevraging voor leden of partners invullen' },
  'participation.public': { everyone: true, description: 'Een publieke bevraging via haar link invullen (anoniem, met een limiet per browser en IP-adres)' },
} as const satisfies Record<string, PermissionRule>;

export type Action = keyof typeof PERMISSIONS;

/** Actions anyone may attempt, logged in or not: the route answers without a user. */
export type PublicAction = { [A in Action]: (typeof PERMISSIONS)[A] extends { everyone: true } ? A : never }[Action];

/** Actions only members or signed-in users may do. */
export type MemberAction = Exclude<Action, PublicAction>;
