import { i18n, currentLocale } from './i18n';
import { buildPath, type ApiPath, type HttpMethod, type Operation, type OptionsArgument, type ResponseBody, type UploadProgress } from './api/typed-paths';

export { apiHref, type ApiResponse, type ApiRequestBody, type UploadProgress } from './api/typed-paths';

/** A failed API call, carrying the server's error body (messages already translated by the server). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field, matching "municipalities" also for "municipalities.3". */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((problem) => problem.path === field || problem.path.startsWith(`${field}.`))?.message;
  }
}

type Method = Uppercase<HttpMethod>;

interface SessionHooks {
  csrfToken: () => string | null;
  /** Fetches a fresh session after a CSRF failure; returns the new token (null when logged out). */
  recoverCsrf: () => Promise<string | null>;
  /** Called when the server says the session is gone, so the interface can show the login prompt. */
  onUnauthenticated: () => void;
}

let hooks: SessionHooks = {
  csrfToken: () => null,
  recoverCsrf: async () => null,
  onUnauthenticated: () => undefined,
};

/** Connects the API client to the session (done once by the SessionProvider). */
export function connectSession(sessionHooks: SessionHooks): void {
  hooks = sessionHooks;
}

interface ErrorShape {
  error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown; requestId?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorShape;
  const error = body.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const fields = Array.isArray(error.fields) ? (error.fields as { path: string; message: string }[]) : [];
    return new ApiError(response.status, error.code, error.message, fields, error.details, typeof error.requestId === 'string' ? error.requestId : undefined);
  }
  return new ApiError(response.status, 'INTERNAL', i18n.t('common.error'));
}

/** Where the live workshop room keeps a guest participant's token after joining (JSON { token, slug, workshopId, sheetId }). */
export const WORKSHOP_GUEST_KEY = 'regiekamer.workshopGuest';

/** The guest's token for the brokering sheet routes (x-guest-token), when this browser joined a workshop as a guest. */
export function guestToken(): string | null {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(WORKSHOP_GUEST_KEY);
    const token = stored ? (JSON.parse(stored) as { token?: unknown }).token : null;
    return typeof token === 'string' && token.length > 0 ? token : null;
  } catch {
    return null;
  }
}

async function send(method: Method, path: string, body: unknown, signal: AbortSignal | undefined, csrfToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  const guest = guestToken();
  if (guest) headers['x-guest-token'] = guest;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.NETWORK'));
  }
}

/** Like send, through XMLHttpRequest so the upload can report its progress (fetch cannot). */
function sendWithUploadProgress(method: Method, path: string, body: unknown, csrfToken: string | null, onUploadProgress: UploadProgress): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLocale());
    xhr.setRequestHeader('content-type', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' } }));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.NETWORK')));
    xhr.send(JSON.stringify(body));
  });
}

/** Calls the API with JSON in and out; throws ApiError for every non-2xx answer. */
async function apiRequest(method: Method, path: string, body?: unknown, signal?: AbortSignal, onUploadProgress?: UploadProgress): Promise<unknown> {
  const transmit = (token: string | null) => (onUploadProgress ? sendWithUploadProgress(method, path, body, token, onUploadProgress) : send(method, path, body, signal, token));
  let response = await transmit(hooks.csrfToken());
  if (response.status === 403 && method !== 'GET') {
    const error = await toApiError(response.clone());
    // The token can change when the user logged in again in another tab: fetch it anew and retry once.
    if (error.code === 'CSRF_FAILED') {
      const freshToken = await hooks.recoverCsrf();
      response = await transmit(freshToken);
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'UNAUTHENTICATED') hooks.onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined;
  return await response.json();
}

/** One method of the typed client: the path is a route template from the OpenAPI document, params fill it. */
function typedCall<M extends HttpMethod>(method: M) {
  return async <P extends ApiPath<M>>(path: P, ...[options]: OptionsArgument<Operation<P, M>>): Promise<ResponseBody<Operation<P, M>>> => {
    const { params, body, signal, onUploadProgress } = (options ?? {}) as { params?: { path?: object; query?: object }; body?: unknown; signal?: AbortSignal; onUploadProgress?: UploadProgress };
    const answer = await apiRequest(method.toUpperCase() as Method, buildPath(path, params), body, signal, onUploadProgress);
    // The one seam where a response gets its type: the server serialises it through the same schema the types come from.
    return answer as ResponseBody<Operation<P, M>>;
  };
}

/** A GET of a URL already built by buildPath from a typed template (for useApi, which keys on the URL). */
export function getBuiltUrl(url: string, signal: AbortSignal): Promise<unknown> {
  return apiRequest('GET', url, undefined, signal);
}

/**
 * The API, typed from client/api/schema.d.ts: `api.GET('/api/regions/{slug}', { params: { path: { slug } } })`.
 * A route that changes or disappears breaks the calls to it at compile time (`npm run generate:api`).
 */
export const api = {
  GET: typedCall('get'),
  POST: typedCall('post'),
  PATCH: typedCall('patch'),
  PUT: typedCall('put'),
  DELETE: typedCall('delete'),
};

/**
 * The newest state a 409 CONFLICT of this route carries in `details.current` (null for any other error).
 * The server answers a stale write with the record as that route presents it, so it has the route's type.
 */
export function conflictCurrent<M extends HttpMethod, P extends ApiPath<M>>(thrown: unknown, _method: M, _path: P): ResponseBody<Operation<P, M>> | null {
  if (!(thrown instanceof ApiError) || thrown.code !== 'CONFLICT') return null;
  const details = thrown.details;
  if (!details || typeof details !== 'object' || !('current' in details) || !details.current || typeof details.current !== 'object') return null;
  // The error body's details are untyped in the OpenAPI document; the route above names their shape.
  return details.current as ResponseBody<Operation<P, M>>;
}

/** Turns anything thrown into an ApiError, so pages can always show a message. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'INTERNAL', i18n.t('common.error'));
}

// Kept in this module (the API client's chunk) so it costs no request of its own. The server embeds the first view's API answers in the HTML (server/http/spa-shell.ts), keyed by the
// URL the page would fetch: on a slow connection that saves the round trips before anything shows.
const ELEMENT_ID = 'rk-initial-data';

let embedded: Map<string, unknown> | null = null;

function readEmbedded(): Map<string, unknown> {
  if (embedded) return embedded;
  embedded = new Map();
  const element = typeof document === 'undefined' ? null : document.getElementById(ELEMENT_ID);
  if (element?.textContent) {
    try {
      for (const [url, data] of Object.entries(JSON.parse(element.textContent) as Record<string, unknown>)) embedded.set(url, data);
    } catch {
      // A broken embed only costs the round trips it was meant to save.
    }
  }
  element?.remove();
  return embedded;
}

/** The server-side renderer's embedded answers (client/ssr-entry.tsx): what the browser will read from the page. */
export function provideInitialData(data: Record<string, unknown>): void {
  embedded = new Map(Object.entries(data));
}

/** The embedded answer for this URL, if the server sent one with the page (and no component has used it yet). */
export function initialData(url: string): unknown {
  return readEmbedded().get(url);
}

/**
 * Marks an embedded answer as used, once the component that rendered it is on screen: later loads
 * (reloads, other pages) ask the API. Not at render time, as a render that suspends is thrown away.
 */
export function forgetInitialData(url: string): void {
  readEmbedded().delete(url);
}
