import { buildApiUrl } from '../../common/api-url.js';
// Types that read client/api/schema.d.ts (generated from the routes' Zod schemas by `npm run generate:api`),
// so every call names a route that exists and gets that route's params, body and response types.
import type { paths } from './schema';

export type { paths };

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** The API paths that answer a method, e.g. ApiPath<'post'>. */
export type ApiPath<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

/** The generated operation of one path and method. */
export type Operation<P extends keyof paths, M extends HttpMethod> = paths[P] extends { [K in M]: infer Op } ? Op : never;

type ParametersOf<Op> = Op extends { parameters: infer Params } ? Params : object;
/** Path and query parameters of an operation (header and cookie parameters are the transport's business). */
export type Params<Op> = Pick<ParametersOf<Op>, Extract<keyof ParametersOf<Op>, 'path' | 'query'>>;

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
/** The JSON body an operation accepts (never when it takes none). */
export type RequestBody<Op> = Op extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : never;
type BodyRequired<Op> = Op extends { requestBody: object } ? true : false;

type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
/** What a successful call answers (undefined for 204). */
export type ResponseBody<Op> = {
  [S in Extract<keyof Responses<Op>, SuccessStatus>]: Responses<Op>[S] extends { content: { 'application/json': infer Body } } ? Body : undefined;
}[Extract<keyof Responses<Op>, SuccessStatus>];

/** The answer of GET (or another method) on a path: `ApiResponse<'/api/regions/{slug}'>`. */
export type ApiResponse<P extends keyof paths, M extends HttpMethod = 'get'> = ResponseBody<Operation<P, M>>;
/** The JSON body a write on a path accepts. */
export type ApiRequestBody<P extends keyof paths, M extends HttpMethod> = RequestBody<Operation<P, M>>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type ParamsOption<Op> = [RequiredKeys<Params<Op>>] extends [never] ? { params?: Params<Op> } : { params: Params<Op> };
type BodyOption<Op> = [RequestBody<Op>] extends [never]
  ? { body?: never }
  : BodyRequired<Op> extends true
    ? { body: RequestBody<Op> }
    : { body?: RequestBody<Op> };

/** Bytes sent so far of the request body, and its size. */
export type UploadProgress = (loaded: number, total: number) => void;

/** What one call takes besides its path: params and body as the route declares them. */
export type RequestOptions<Op> = ParamsOption<Op> & BodyOption<Op> & { signal?: AbortSignal; onUploadProgress?: UploadProgress };

/** The options argument, optional when the route needs no params and no body. */
export type OptionsArgument<Op> = [RequiredKeys<RequestOptions<Op>>] extends [never] ? [options?: RequestOptions<Op>] : [options: RequestOptions<Op>];

/** Fills `{name}` placeholders (URL-encoded) and appends the query; undefined and null values are left out. */
export const buildPath = buildApiUrl;

/** The URL of a GET route for a plain link (downloads: CSV, XLSX, PDF, iCal), checked like an API call. */
export function apiHref<P extends ApiPath<'get'>>(path: P, ...[params]: [RequiredKeys<Params<Operation<P, 'get'>>>] extends [never] ? [params?: Params<Operation<P, 'get'>>] : [params: Params<Operation<P, 'get'>>]): string {
  return buildPath(path, params as { path?: object; query?: object } | undefined);
}
