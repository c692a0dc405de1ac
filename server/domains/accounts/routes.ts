import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize, authorizeUser } from '../../policy/authorize.js';
import { errorBodySchema } from '../../../common/schemas/errors.js';
import {
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationCreatedSchema,
  invitationPublicSchema,
  loginSchema,
  membersOverviewSchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  profileUpdateSchema,
  roleUpdateSchema,
  sessionInfoSchema,
  type SessionInfo,
} from '../../../common/schemas/accounts.js';
import { changePassword, login, requestPasswordReset, resetPassword, updateProfile } from './service.js';
import { acceptInvitation, changeMemberRole, createInvitation, describeInvitation, listMembers, removeMember, revokeInvitation } from './membership-service.js';
import { createSession, deleteSession, loadAuthUser, SESSION_COOKIE } from './sessions.js';
import type { AuthUser } from '../../http/request-context.js';

const okSchema = z.object({ ok: z.literal(true) });

function sessionInfo(user: AuthUser | null, csrfToken: string | null): SessionInfo {
  return {
    user: user
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          locale: user.locale,
          memberships: user.memberships.map(({ regionSlug, role }) => ({ regionSlug, role })),
        }
      : null,
    csrfToken,
  };
}

/** Accounts: login/logout, session, password reset, own profile, members and invitations per region. */
export async function accountRoutes(app: ApiInstance): Promise<void> {
  const { db } = app.ctx.database;
  const ttlHours = app.ctx.env.SESSION_TTL_HOURS;

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.ctx.env.COOKIE_SECURE ?? app.ctx.publicUrl(request).startsWith('https://'),
      expires: expiresAt,
    });
  }

  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<SessionInfo> {
    const { token, expiresAt, session } = await createSession(db, userId, ttlHours, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(request, reply, token, expiresAt);
    return sessionInfo(await loadAuthUser(db, userId), session.csrfToken);
  }

  app.get(
    '/auth/session',
    { config: { policy: 'session.read' },  schema: { tags: ['account'], summary: 'De aangemelde gebruiker, zijn rollen en het CSRF-token', response: { 200: sessionInfoSchema } } },
    async (request) => sessionInfo(request.user, request.session?.csrfToken ?? null),
  );

  app.post(
    '/auth/login',
    {
      config: { policy: 'auth.login' },
      schema: {
        tags: ['account'],
        summary: 'Aanmelden met e-mail en wachtwoord (begrensd aantal pogingen)',
        body: loginSchema,
        response: { 200: sessionInfoSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, userId, csrfToken } = await login(db, request.body, { ip: request.ip, userAgent: request.headers['user-agent'], ttlHours });
      setSessionCookie(request, reply, token, expiresAt);
      return sessionInfo(await loadAuthUser(db, userId), csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'auth.login' },  schema: { tags: ['account'], summary: 'Afmelden', response: { 200: okSchema } } },
    async (request, reply) => {
      if (request.session) await deleteSession(db, request.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: { policy: 'auth.password-reset' },
      schema: {
        tags: ['account'],
        summary: 'Link voor een nieuw wachtwoord aanvragen (antwoordt altijd hetzelfde)',
        body: passwordResetRequestSchema,
        response: { 202: okSchema, 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, app.ctx.mailer, request.body.email, app.ctx.publicUrl(request), request.log);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { policy: 'auth.password-reset' },
      schema: {
        tags: ['account'],
        summary: 'Nieuw wachtwoord instellen met het token uit de link',
        body: passwordResetConfirmSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await resetPassword(db, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.patch(
    '/account',
    { config: { policy: 'account.update' },  schema: { tags: ['account'], summary: 'Eigen naam en taal wijzigen', body: profileUpdateSchema, response: { 200: sessionInfoSchema, ...errorResponses } } },
    async (request) => {
      const user = authorizeUser(request, 'account.update');
      await updateProfile(db, user.id, request.body);
      return sessionInfo(await loadAuthUser(db, user.id), request.session?.csrfToken ?? null);
    },
  );

  app.post(
    '/account/password',
    { config: { policy: 'account.update' },  schema: { tags: ['account'], summary: 'Eigen wachtwoord wijzigen', body: passwordChangeSchema, response: { 200: okSchema, ...errorResponses } } },
    async (request) => {
      const user = authorizeUser(request, 'account.update');
      await changePassword(db, user.id, request.session!.id, request.body);
      return { ok: true as const };
    },
  );

  const slugParams = z.object({ slug: z.string().min(1).max(80) });

  app.get(
    '/regions/:slug/members',
    { config: { policy: 'membership.list' },  schema: { tags: ['gebruikers'], summary: 'Leden en openstaande uitnodigingen (regisseur)', params: slugParams, response: { 200: membersOverviewSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'membership.list');
      return listMembers(db, region.id);
    },
  );

  app.post(
    '/regions/:slug/invitations',
    {
      config: { policy: 'membership.invite' },
      schema: {
        tags: ['gebruikers'],
        summary: 'Iemand uitnodigen per e-mail (regisseur); zonder SMTP krijgt de regisseur de link',
        params: slugParams,
        body: invitationCreateSchema,
        response: { 201: invitationCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'membership.invite');
      const created = await createInvitation(db, app.ctx.mailer, region, user, request.body, app.ctx.publicUrl(request));
      if (created.inviteUrl) request.log.info({ email: request.body.email, inviteUrl: created.inviteUrl }, 'invitation link (no SMTP configured)');
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/regions/:slug/invitations/:invitationId',
    {
      config: { policy: 'membership.invite' },
      schema: {
        tags: ['gebruikers'],
        summary: 'Een uitnodiging intrekken (regisseur)',
        params: slugParams.extend({ invitationId: z.uuid() }),
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'membership.invite');
      await revokeInvitation(db, region, request.params.invitationId, user.id);
      return { ok: true as const };
    },
  );

  app.patch(
    '/regions/:slug/members/:userId',
    {
      config: { policy: 'membership.update' },
      schema: {
        tags: ['gebruikers'],
        summary: 'De rol van een lid wijzigen (regisseur)',
        params: slugParams.extend({ userId: z.uuid() }),
        body: roleUpdateSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'membership.update');
      await changeMemberRole(db, region, request.params.userId, request.body.role, user.id);
      return { ok: true as const };
    },
  );

  app.delete(
    '/regions/:slug/members/:userId',
    {
      config: { policy: 'membership.update' },
      schema: {
        tags: ['gebruikers'],
        summary: 'Een lid uit de regio verwijderen (regisseur)',
        params: slugParams.extend({ userId: z.uuid() }),
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'membership.update');
      await removeMember(db, region, request.params.userId, user.id);
      return { ok: true as const };
    },
  );

  const tokenParams = z.object({ token: z.string().min(10).max(200) });

  app.get(
    '/invitations/:token',
    { config: { policy: 'invitation.accept' },  schema: { tags: ['gebruikers'], summary: 'Een uitnodiging bekijken', params: tokenParams, response: { 200: invitationPublicSchema, ...errorResponses } } },
    async (request) => describeInvitation(db, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { policy: 'invitation.accept' },
      schema: {
        tags: ['gebruikers'],
        summary: 'Een uitnodiging aanvaarden (nieuw account met naam en wachtwoord, of als aangemelde gebruiker)',
        params: tokenParams,
        body: invitationAcceptSchema,
        response: { 200: sessionInfoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(db, request.params.token, request.user, request.body);
      if (accepted.newAccount) return startSession(request, reply, accepted.userId);
      return sessionInfo(await loadAuthUser(db, accepted.userId), request.session?.csrfToken ?? null);
    },
  );
}
