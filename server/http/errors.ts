import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../common/schemas/errors.js';
import { translateValidationMessage } from '../../common/validation.js';
import { isAccountLocale, resolveLocale } from '../../common/i18n/index.js';
import { translatorFor } from '../../common/i18n/all-catalogs.js';

/** A field-level problem, e.g. { path: 'email', message: '@validation.email' } (message may be a catalog key). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error type services throw; the handler turns it into the JSON shape and status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields?: FieldProblem[],
    readonly details?: unknown,
  ) {
    super(code);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for the common 400 with one field and a catalog key. */
export function fieldError(path: string, messageKey: string, params?: Record<string, unknown>): AppError {
  const message = params ? `@${messageKey} ${JSON.stringify(params)}` : `@${messageKey}`;
  return new AppError('VALIDATION_FAILED', {}, [{ path, message }]);
}

/**
 * The caller's language: their account setting, else Accept-Language, else Dutch. French, Arabic and
 * Ukrainian cannot be stored in an account (decision 021), so an Accept-Language asking for one of them wins.
 */
export function requestLocale(request: FastifyRequest) {
  const asked = resolveLocale(request.headers['accept-language']);
  if (!isAccountLocale(asked)) return asked;
  return resolveLocale(request.user?.locale, request.headers['accept-language']);
}

/** A translate function in the caller's language. */
export function requestTranslator(request: FastifyRequest) {
  return translatorFor(requestLocale(request));
}

function buildBody(request: FastifyRequest, code: ErrorCode, params: Record<string, unknown>, fields?: FieldProblem[], details?: unknown): ErrorBody {
  const t = requestTranslator(request);
  return {
    error: {
      code,
      message: t(`errors.${code}`, { ...params, requestId: request.id }) as string,
      ...(fields ? { fields: fields.map((field) => ({ path: field.path, message: translateValidationMessage(field.message, t) })) } : {}),
      requestId: request.id,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** Sends an AppError-shaped response; used by the handler and by hooks that answer early. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (typeof error.params.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.params.retryAfterSeconds));
  }
  return reply.status(error.status).send(buildBody(request, error.code, error.params, error.fields, error.details));
}

/** Installs the single error handler (the JSON 404 for unknown routes is set in app.ts beside the SPA fallback). */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError).validationContext;
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.split('/').filter(Boolean).join('.') || (context ?? ''),
        message: issue.message ?? '@validation.invalid',
      }));
      return sendError(request, reply, new AppError('VALIDATION_FAILED', {}, fields));
    }

    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, new AppError('PAYLOAD_TOO_LARGE'));
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(request, reply, new AppError('UNSUPPORTED_MEDIA_TYPE'));
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500 && !isResponseSerializationError(error)) {
      // Malformed JSON and the like: the client's fault, with no internals to leak.
      request.log.info({ err: error }, 'bad request');
      return sendError(request, reply, new AppError(fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'));
    }

    request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, new AppError('INTERNAL'));
  });

}
