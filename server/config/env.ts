import { z } from 'zod';

/** Environment variables the server and CLI read; validated once at start-up so a bad value fails fast. */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
    .optional(),
  REGIEKAMER_DATA_DIR: z.string().min(1).default('./data'),
  REGIEKAMER_DEMO: booleanFlag.default(true),
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  COOKIE_SECURE: booleanFlag.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Regiekamer <noreply@regiekamer.local>'),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses process-like env into a typed config, throwing one readable message listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as "not set", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema
    // E-mailed links must not be built from a Host header an attacker can choose.
    .refine((env) => env.NODE_ENV !== 'production' || env.PUBLIC_URL !== undefined, {
      path: ['PUBLIC_URL'],
      message: 'is verplicht in productie (de basis-URL voor links in e-mails, bv. https://regiekamer.westhoek.be)',
    })
    .safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  return result.data;
}
