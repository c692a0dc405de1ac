import type { FastifyInstance } from 'fastify';
import type { Action } from './permissions.js';

/** 'METHOD /api/path/:param' → the action the route declared in `config.policy` (null: none declared). */
export const routePolicies = new Map<string, Action | null>();

/** Records every route's declared policy as it is registered, so the sweep and the matrix can read them. */
export function collectRoutePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = route.config as { policy?: Action } | undefined;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routePolicies.set(`${method} ${route.url}`, config?.policy ?? null);
    }
  });
}
