import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { addressDelaySeconds, MAX_ADDRESS_DELAY_SECONDS } from './login-throttle.js';

let t: TestApp;
let trusting: TestApp;
let email: string;
const slug = 'throttle-regio';

const OWNER_IP = '203.0.113.10';
const attackerIp = (n: number) => `198.51.100.${n}`;

function login(app: TestApp, address: string, password: string, options: { ip?: string; forwardedFor?: string } = {}) {
  return app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: options.ip ?? OWNER_IP,
    headers: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
    payload: { email: address, password },
  });
}

/** Lets time pass for the throttle: every recorded attempt moves back. */
const letSecondsPass = (app: TestApp, seconds: number) =>
  app.database.raw.query(`UPDATE login_attempts SET created_at = created_at - make_interval(secs => $1)`, [seconds]);

beforeAll(async () => {
  t = await createTestApp();
  trusting = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  await regionFactory(t.database.db, { slug });
  await regionFactory(trusting.database.db, { slug });
});
afterAll(async () => Promise.all([t.close(), trusting.close()]));

// Every test gets a fresh owner and an empty attempts table.
beforeEach(async () => {
  for (const app of [t, trusting]) await app.database.raw.exec('DELETE FROM login_attempts; DELETE FROM sessions;');
  email = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
  await userFactory(trusting.database.db, { regionSlug: slug, role: 'admin', email });
});

describe('login throttling per address and IP (decision 012)', () => {
  it('30 failures from other IPs do not lock the owner out of her own IP', async () => {
    expect((await login(t, email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let n = 1; n <= 30; n++) expect([401, 429]).toContain((await login(t, email, 'fout', { ip: attackerIp(n) })).statusCode);
    expect((await login(t, email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('on a new IP the owner waits a short, rising delay, never a lock', async () => {
    for (let n = 1; n <= 30; n++) await login(t, email, 'fout', { ip: attackerIp(n) });
    const slowed = await login(t, email, TEST_PASSWORD, { ip: '192.0.2.77' });
    expect(slowed.statusCode).toBe(429);
    const retryAfter = Number(slowed.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(MAX_ADDRESS_DELAY_SECONDS);
    const error = (slowed.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('LOGIN_SLOWED');
    expect(error.message).toMatch(/^Te veel mislukte aanmeldingen voor dit adres\. Wacht \d+ seconden/);

    await letSecondsPass(t, retryAfter);
    expect((await login(t, email, TEST_PASSWORD, { ip: '192.0.2.77' })).statusCode).toBe(200);
  });

  it('locks the attacking IP out of the address after 5 failures, even with the right password', async () => {
    for (let n = 0; n < 5; n++) expect((await login(t, email, 'fout', { ip: attackerIp(1) })).statusCode).toBe(401);
    const blocked = await login(t, email, TEST_PASSWORD, { ip: attackerIp(1) });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect((blocked.json() as { error: { message: string } }).error.message).toContain('15 minuten');
    // Five failures are all the free ones: the owner on her IP is not slowed.
    expect((await login(t, email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles one IP trying many addresses', async () => {
    for (let n = 0; n < 30; n++) expect((await login(t, `iemand-${n}@voorbeeld.be`, 'fout', { ip: attackerIp(9) })).statusCode).toBe(401);
    const blocked = await login(t, email, TEST_PASSWORD, { ip: attackerIp(9) });
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await login(t, email, TEST_PASSWORD, { ip: attackerIp(10) })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a forged header does not dodge the per-IP limit', async () => {
    for (let n = 0; n < 30; n++) await login(t, `iemand-${n}@voorbeeld.be`, 'fout', { ip: attackerIp(5), forwardedFor: `10.0.0.${n}` });
    expect((await login(t, email, TEST_PASSWORD, { ip: attackerIp(5), forwardedFor: '10.0.1.1' })).statusCode).toBe(429);
  });

  it('with TRUST_PROXY throttles the client IP the proxy reports, not the proxy', async () => {
    const proxy = '10.9.9.9';
    for (let n = 0; n < 5; n++) expect((await login(trusting, email, 'fout', { ip: proxy, forwardedFor: attackerIp(3) })).statusCode).toBe(401);
    expect((await login(trusting, email, TEST_PASSWORD, { ip: proxy, forwardedFor: attackerIp(3) })).statusCode).toBe(429);
    expect((await login(trusting, email, TEST_PASSWORD, { ip: proxy, forwardedFor: OWNER_IP })).statusCode).toBe(200);
    const [session] = await trusting.database.raw.query<{ ip: string }>('SELECT ip FROM sessions');
    expect(session?.ip).toBe(OWNER_IP);
  });

  it('the address delay rises with the failures and stays short', () => {
    expect([0, 4, 5, 6, 7, 10].map(addressDelaySeconds)).toEqual([0, 0, 0, 1, 2, 16]);
    expect(addressDelaySeconds(30)).toBe(MAX_ADDRESS_DELAY_SECONDS);
    expect(addressDelaySeconds(10_000)).toBe(MAX_ADDRESS_DELAY_SECONDS);
  });
});
