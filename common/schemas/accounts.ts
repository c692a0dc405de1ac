import { z } from 'zod';
import { roleSchema } from './regions.js';
import { validationMessage } from '../validation.js';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const newPasswordSchema = z
  .string()
  .min(10, validationMessage('validation.passwordTooWeak'))
  .max(200);
export const localeSchema = z.enum(['nl', 'en']);

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const sessionInfoSchema = z.object({
  user: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: localeSchema,
      memberships: z.array(z.object({ regionSlug: z.string(), role: roleSchema })),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetConfirmSchema = z.object({ token: z.string().min(10).max(200), password: newPasswordSchema });

export const profileUpdateSchema = z.object({ name: z.string().trim().min(2).max(120), locale: localeSchema });
export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  since: z.string(),
  /** The organisation (actor of the network map) the member belongs to; a linked editor may edit it. */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const membersOverviewSchema = z.object({ members: z.array(memberSchema), invitations: z.array(invitationSchema) });
export type MembersOverview = z.infer<typeof membersOverviewSchema>;

export const invitationCreateSchema = z.object({ email: emailSchema, role: roleSchema });
export const invitationCreatedSchema = z.object({
  invitation: invitationSchema,
  emailSent: z.boolean(),
  /** Only when no SMTP server is configured: the admin passes the link on. */
  inviteUrl: z.string().optional(),
});
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

export const invitationPublicSchema = z.object({
  email: z.string(),
  role: roleSchema,
  region: z.object({ slug: z.string(), name: z.string() }),
  userExists: z.boolean(),
});
export type InvitationPublic = z.infer<typeof invitationPublicSchema>;

export const invitationAcceptSchema = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  password: newPasswordSchema.optional(),
});

export const roleUpdateSchema = z.object({ role: roleSchema });
