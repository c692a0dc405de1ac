import { describe, expect, it } from 'vitest';
import { apiHref, buildPath, type ApiPath, type ApiResponse, type Operation, type OptionsArgument } from './typed-paths';

// A stand-in with the typed client's signature: the calls below are checked by tsc (npm test runs it).
type TypedGet = <P extends ApiPath<'get'>>(path: P, ...options: OptionsArgument<Operation<P, 'get'>>) => string;
type TypedPost = <P extends ApiPath<'post'>>(path: P, ...options: OptionsArgument<Operation<P, 'post'>>) => string;
const get: TypedGet = (path: string, ..._options: unknown[]) => path;
const post: TypedPost = (path: string, ..._options: unknown[]) => path;

describe('buildPath', () => {
  it('fills path parameters URL-encoded and appends the query without empty values', () => {
    expect(buildPath('/api/regions/{slug}/actors/{actorId}', { path: { slug: 'west hoek', actorId: 'a/b' } })).toBe('/api/regions/west%20hoek/actors/a%2Fb');
    expect(buildPath('/api/regions/{slug}/actors', { path: { slug: 'westhoek' }, query: { q: 'jeugd & sport', limit: 8, sector: undefined, tag: null } })).toBe(
      '/api/regions/westhoek/actors?q=jeugd+%26+sport&limit=8',
    );
  });

  it('repeats a key for a list and refuses a missing path parameter', () => {
    expect(buildPath('/api/x', { query: { id: ['a', 'b'] } })).toBe('/api/x?id=a&id=b');
    expect(() => buildPath('/api/regions/{slug}', { path: {} })).toThrow(/slug/);
  });

  it('builds download links through the same route types', () => {
    expect(apiHref('/api/regions/{slug}/coverage/export', { path: { slug: 'westhoek' }, query: { format: 'csv', scope: 'thuis' } })).toBe('/api/regions/westhoek/coverage/export?format=csv&scope=thuis');
  });
});

describe('typed calls', () => {
  it('accept what the route declares and reject the rest at compile time', () => {
    expect(get('/api/regions/{slug}', { params: { path: { slug: 'westhoek' } } })).toBe('/api/regions/{slug}');
    expect(post('/api/auth/login', { body: { email: 'a@b.be', password: 'x' } })).toBe('/api/auth/login');
    // @ts-expect-error: not a route
    get('/api/no-such-route');
    // @ts-expect-error: the route needs its path parameters
    get('/api/regions/{slug}');
    // @ts-expect-error: a query parameter the route does not have
    get('/api/regions/{slug}/coverage', { params: { path: { slug: 'w' }, query: { colour: 'red' } } });
    // @ts-expect-error: the body must match the route's schema
    post('/api/auth/login', { body: { email: 'a@b.be' } });
    const total: ApiResponse<'/api/regions/{slug}/actors'>['total'] = 3;
    expect(total).toBe(3);
  });
});
