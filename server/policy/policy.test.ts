import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import type { AuthUser } from '../http/request-context.js';
import { PERMISSIONS } from './permissions.js';
import { can, memberCan } from './policy.js';
import { routePolicies } from './route-policies.js';

const member = (role: AuthUser['memberships'][number]['role'], actorId: string | null = null): AuthUser => ({
  id: 'u1', email: 'u@test.be', name: 'U', locale: 'nl', memberships: [{ regionId: 'r1', regionSlug: 'r', role, actorId }],
});

describe('can', () => {
  it('lets an editor update only the own actor, an admin every actor, nobody in another region', () => {
    expect(can(member('editor', 'a1'), 'actor.update', { regionId: 'r1', actorIds: ['a1'] })).toBe(true);
    expect(can(member('editor', 'a1'), 'actor.update', { regionId: 'r1', actorIds: ['a2'] })).toBe(false);
    expect(can(member('admin'), 'actor.update', { regionId: 'r1', actorIds: ['a2'] })).toBe(true);
    expect(can(member('admin'), 'actor.update', { regionId: 'r2', actorIds: ['a2'] })).toBe(false);
    expect(can(member('viewer'), 'actor.update', { regionId: 'r1' })).toBe(false);
  });

  it('keeps proposal decisions for the steering group and public reads for anyone', () => {
    expect(can(member('steering'), 'plan.approve', { regionId: 'r1' })).toBe(true);
    expect(can(member('admin'), 'plan.approve', { regionId: 'r1' })).toBe(false);
    expect(can(null, 'plan.read', { regionId: 'r1' })).toBe(true);
    expect(can(null, 'account.update')).toBe(false);
  });
});

describe('memberCan', () => {
  it('answers from the table for a role and own actor, as can() does for the user', () => {
    expect(memberCan({ role: 'editor' }, 'plan.edit')).toBe(true);
    expect(memberCan({ role: 'steering' }, 'plan.edit')).toBe(false);
    expect(memberCan({ role: null }, 'plan.edit')).toBe(false);
    expect(memberCan({ role: 'steering' }, 'coop.decide')).toBe(true);
    expect(memberCan({ role: 'admin' }, 'coop.decide')).toBe(false);
    expect(memberCan({ role: 'admin' }, 'coop.minutes.write')).toBe(true);
    expect(memberCan({ role: 'editor', ownActorId: 'a1' }, 'offer.edit', ['a1'])).toBe(true);
    expect(memberCan({ role: 'editor', ownActorId: 'a1' }, 'offer.edit', ['a2'])).toBe(false);
    expect(memberCan({ role: 'editor', ownActorId: null }, 'offer.edit', [null])).toBe(false);
    expect(memberCan({ role: 'admin', ownActorId: null }, 'offer.edit', [null])).toBe(true);
    expect(memberCan({ role: 'viewer', ownActorId: 'a1' }, 'lending.on-behalf', ['a1'])).toBe(true);
    expect(memberCan({ role: 'viewer', ownActorId: 'a1' }, 'lending.on-behalf', ['a2'])).toBe(false);
    expect(memberCan({ role: null }, 'plan.read')).toBe(true);
    for (const action of ['actor.update', 'plan.approve', 'lending.item.manage', 'coop.manage'] as const) {
      for (const role of ['admin', 'editor', 'steering', 'viewer', 'coach'] as const) {
        expect(memberCan({ role, ownActorId: 'a1' }, action, ['a1']), `${role} ${action}`).toBe(can(member(role, 'a1'), action, { regionId: 'r1', actorIds: ['a1'] }));
      }
    }
  });
});

describe('route policies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('has every API route declare an action of the table', () => {
    const api = [...routePolicies.entries()].filter(([key]) => key.includes(' /api/') && !key.includes('/api/openapi') && !key.includes('/api/docs'));
    expect(api.length).toBeGreaterThan(50);
    for (const [key, action] of api) {
      expect(action, `${key} declares no config.policy`).not.toBeNull();
      expect(Object.keys(PERMISSIONS), key).toContain(action);
    }
  });
});
