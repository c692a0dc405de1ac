import { z } from 'zod';
import type { TFunction } from 'i18next';

/**
 * Zod issues carry a message key instead of a finished sentence ("@validation.required {...}"),
 * so the server can render them in each requester's language from the same catalog.
 */
const KEY_PREFIX = '@';

function keyed(key: string, params?: Record<string, unknown>): string {
  return params ? `${KEY_PREFIX}${key} ${JSON.stringify(params)}` : `${KEY_PREFIX}${key}`;
}

type RawIssue = z.core.$ZodRawIssue;

/** Maps a raw zod issue to a catalog key with parameters. */
function keyForIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return keyed('validation.required');
      if (issue.expected === 'int') return keyed('validation.integer');
      return keyed('validation.invalidType');
    case 'too_small': {
      const count = Number(issue.minimum);
      if (issue.origin === 'string') {
        return count === 1 ? keyed('validation.required') : keyed('validation.tooShortString', { count });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return keyed('validation.tooFewItems', { count });
      return keyed('validation.tooSmallNumber', { count });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (issue.origin === 'string') return keyed('validation.tooLongString', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return keyed('validation.tooManyItems', { count });
      return keyed('validation.tooBigNumber', { count });
    }
    case 'invalid_format':
      if (issue.format === 'email') return keyed('validation.email');
      if (issue.format === 'url') return keyed('validation.url');
      if (issue.format === 'uuid' || issue.format === 'guid') return keyed('validation.uuid');
      if (issue.format === 'date' || issue.format === 'datetime') return keyed('validation.date');
      return keyed('validation.format');
    case 'invalid_value':
      return keyed('validation.enum', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return keyed('validation.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return keyed('validation.invalid');
  }
}

let installed = false;

/** Makes every zod schema in this process produce catalog keys; call once at start-up (idempotent). */
export function installValidationMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ localeError: (issue) => keyForIssue(issue) });
}

/** Renders a zod message (a catalog key with params, or a literal sentence) in the given language. */
export function translateValidationMessage(message: string, t: TFunction): string {
  if (!message.startsWith(KEY_PREFIX)) return message;
  const space = message.indexOf(' ');
  const key = space === -1 ? message.slice(1) : message.slice(1, space);
  const params = space === -1 ? {} : (JSON.parse(message.slice(space + 1)) as Record<string, unknown>);
  return t(key, params) as string;
}

/** A message for custom refinements: `z.string().refine(fn, validationMessage('validation.slug'))`. */
export function validationMessage(key: string, params?: Record<string, unknown>): { message: string } {
  return { message: keyed(key, params) };
}
