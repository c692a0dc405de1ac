import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';

let t: TestApp;
const slug = 'accounts-regio';
let adminEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  await regionFactory(t.database.db, { slug });
  adminEmail = (await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email;
});
afterAll(async () => t.close());

function linkToken(text: string, path: string): string {
  const match = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describe('login and sessions', () => {
  it('logs in with a session cookie that is HttpOnly and SameSite, stored in the database', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: adminEmail.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'rk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = response.json() as { user: { email: string; memberships: { regionSlug: string; role: string }[] }; csrfToken: string };
    expect(body.user.email).toBe(adminEmail);
    expect(body.user.memberships).toEqual([{ regionSlug: slug, role: 'admin' }]);
    const [row] = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    expect(row?.n).toBeGreaterThan(0);
    // The raw token is never stored, only its hash.
    const stored = await t.database.raw.query<{ id: string }>('SELECT id FROM sessions WHERE id = $1', [cookie!.value]);
    expect(stored).toHaveLength(0);
  });

  it('refuses a wrong password with 401 and the same message as an unknown address', async () => {
    const wrong = await new ApiClient(t.app).request('POST', '/api/auth/login', { email: adminEmail, password: 'fout-fout-fout' });
    const unknown = await new ApiClient(t.app).request('POST', '/api/auth/login', { email: 'niemand@test.be', password: 'fout-fout-fout' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect((wrong.json() as { error: { message: string } }).error.message).toBe((unknown.json() as { error: { message: string } }).error.message);
  });

  it('logs out: the session stops working', async () => {
    const client = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    expect(((await client.get('/api/auth/session')).json() as { user: unknown }).user).not.toBeNull();
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect(((await client.get('/api/auth/session')).json() as { user: unknown }).user).toBeNull();
    expect((await client.get(`/api/regions/${slug}/members`)).statusCode).toBe(401);
  });

  it('rate-limits repeated failures for one address (stored in the database)', async () => {
    const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'viewer' });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await new ApiClient(t.app).request('POST', '/api/auth/login', { email, password: 'fout-wachtwoord' })).statusCode).toBe(401);
    }
    const blocked = await new ApiClient(t.app).request('POST', '/api/auth/login', { email, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect((blocked.json() as { error: { code: string; message: string } }).error.message).toContain('15 minuten');
  });

  it('demands the CSRF token on cookie-authenticated writes', async () => {
    const client = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const without = await client.request('PATCH', '/api/account', { name: 'Nieuwe Naam', locale: 'nl' }, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect((without.json() as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const forged = await client.request('PATCH', '/api/account', { name: 'Nieuwe Naam', locale: 'nl' }, { 'x-csrf-token': 'vals' });
    expect(forged.statusCode).toBe(403);
    const proper = await client.patch('/api/account', { name: 'Nieuwe Naam', locale: 'en' });
    expect(proper.statusCode).toBe(200);
    expect((proper.json() as { user: { name: string; locale: string } }).user).toMatchObject({ name: 'Nieuwe Naam', locale: 'en' });
    // The user's language now drives error messages.
    const invalid = await client.patch('/api/account', { name: '', locale: 'en' });
    expect((invalid.json() as { error: { message: string } }).error.message).toBe('Some fields are not filled in correctly.');
    await client.patch('/api/account', { name: 'Nieuwe Naam', locale: 'nl' });
  });
});

describe('passwords', () => {
  it('resets a password through a single-use mailed link and ends old sessions', async () => {
    const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'editor' });
    const oldSession = await new ApiClient(t.app).login(email, TEST_PASSWORD);
    const anonymous = new ApiClient(t.app);
    expect((await anonymous.post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
    expect((await anonymous.post('/api/auth/password-reset/request', { email: 'onbekend@test.be' })).statusCode).toBe(202);
    const mail = t.sentMail.filter((m) => m.to === email).at(-1);
    expect(t.sentMail.some((m) => m.to === 'onbekend@test.be')).toBe(false);
    const token = linkToken(mail!.text, '/wachtwoord-herstellen');
    expect(mail!.text).toContain('http://regiekamer.test/wachtwoord-herstellen/');
    expect((await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'kort' })).statusCode).toBe(400);
    expect((await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'een-nieuw-wachtwoord' })).statusCode).toBe(200);
    expect((await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'nog-een-wachtwoord' })).statusCode).toBe(404);
    expect(((await oldSession.get('/api/auth/session')).json() as { user: unknown }).user).toBeNull();
    await new ApiClient(t.app).login(email, 'een-nieuw-wachtwoord');
  });

  it('never builds a reset link from a forged Host header', async () => {
    const bare = await createTestApp({ env: { PUBLIC_URL: '' } });
    try {
      await regionFactory(bare.database.db, { slug: 'host-regio' });
      const { email } = await userFactory(bare.database.db, { regionSlug: 'host-regio', role: 'viewer' });
      await bare.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', headers: { host: 'kwaadwillig.example' }, payload: { email } });
      expect(bare.sentMail.at(-1)?.text).toContain('http://localhost:3000/wachtwoord-herstellen/');
      expect(bare.sentMail.at(-1)?.text).not.toContain('kwaadwillig');
      await bare.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', headers: { host: '127.0.0.1:4321' }, payload: { email } });
      expect(bare.sentMail.at(-1)?.text).toContain('http://127.0.0.1:4321/wachtwoord-herstellen/');
    } finally {
      await bare.close();
    }
  });

  it('changes the own password only with the current one', async () => {
    const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'editor' });
    const client = await new ApiClient(t.app).login(email, TEST_PASSWORD);
    expect((await client.post('/api/account/password', { currentPassword: 'fout', newPassword: 'nieuw-wachtwoord-1' })).statusCode).toBe(403);
    expect((await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'nieuw-wachtwoord-1' })).statusCode).toBe(200);
    expect(((await client.get('/api/auth/session')).json() as { user: unknown }).user).not.toBeNull();
    await new ApiClient(t.app).login(email, 'nieuw-wachtwoord-1');
  });
});

describe('members and invitations', () => {
  it('invites a new person who creates an account and joins with the invited role', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const created = await admin.post(`/api/regions/${slug}/invitations`, { email: 'Nieuw.Lid@Test.be', role: 'steering' });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { emailSent: boolean; inviteUrl: string; invitation: { email: string } };
    // Without SMTP the admin gets the link to pass on.
    expect(body.emailSent).toBe(false);
    expect(body.invitation.email).toBe('nieuw.lid@test.be');
    const token = linkToken(body.inviteUrl, '/uitnodiging');

    const visitor = new ApiClient(t.app);
    const described = (await visitor.get(`/api/invitations/${token}`)).json() as { role: string; userExists: boolean; region: { slug: string } };
    expect(described).toMatchObject({ role: 'steering', userExists: false, region: { slug } });
    const missingPassword = await visitor.post(`/api/invitations/${token}/accept`, { name: 'Nieuw Lid' });
    expect(missingPassword.statusCode).toBe(400);
    const accepted = await visitor.post(`/api/invitations/${token}/accept`, { name: 'Nieuw Lid', password: 'welkom-in-de-regio' });
    expect(accepted.statusCode).toBe(200);
    expect((accepted.json() as { user: { memberships: unknown[] } }).user.memberships).toEqual([{ regionSlug: slug, role: 'steering' }]);
    expect((await visitor.post(`/api/invitations/${token}/accept`, { name: 'Iemand Anders', password: 'nog-eens-proberen' })).statusCode).toBe(404);

    const overview = (await admin.get(`/api/regions/${slug}/members`)).json() as { members: { email: string; role: string }[]; invitations: unknown[] };
    expect(overview.members).toContainEqual(expect.objectContaining({ email: 'nieuw.lid@test.be', role: 'steering' }));
    expect(overview.invitations).toHaveLength(0);
  });

  it('mails the invitation when SMTP is configured and lets an existing user accept while logged in', async () => {
    const smtp = await createTestApp({ smtp: true });
    try {
      await regionFactory(smtp.database.db, { slug: 'smtp-regio' });
      const other = await regionFactory(smtp.database.db, { slug: 'andere-regio' });
      const admin = (await userFactory(smtp.database.db, { regionSlug: 'smtp-regio', role: 'admin' })).email;
      const existing = (await userFactory(smtp.database.db, { regionSlug: other.slug, role: 'viewer' })).email;
      const client = await new ApiClient(smtp.app).login(admin, TEST_PASSWORD);
      const created = (await client.post('/api/regions/smtp-regio/invitations', { email: existing, role: 'editor' })).json() as { emailSent: boolean; inviteUrl?: string };
      expect(created.emailSent).toBe(true);
      expect(created.inviteUrl).toBeUndefined();
      const token = linkToken(smtp.sentMail.at(-1)!.text, '/uitnodiging');
      expect(((await new ApiClient(smtp.app).get(`/api/invitations/${token}`)).json() as { userExists: boolean }).userExists).toBe(true);
      expect((await new ApiClient(smtp.app).post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(401);
      const invitee = await new ApiClient(smtp.app).login(existing, TEST_PASSWORD);
      const accepted = await invitee.post(`/api/invitations/${token}/accept`, {});
      expect(accepted.statusCode).toBe(200);
      expect((accepted.json() as { user: { memberships: { regionSlug: string }[] } }).user.memberships.map((m) => m.regionSlug).sort()).toEqual(['andere-regio', 'smtp-regio']);
    } finally {
      await smtp.close();
    }
  });

  it('changes roles and removes members, but never the last admin', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { userId } = await userFactory(t.database.db, { regionSlug: slug, role: 'viewer' });
    expect((await admin.patch(`/api/regions/${slug}/members/${userId}`, { role: 'editor' })).statusCode).toBe(200);
    const overview = (await admin.get(`/api/regions/${slug}/members`)).json() as { members: { userId: string; role: string }[] };
    expect(overview.members.find((m) => m.userId === userId)?.role).toBe('editor');
    expect((await admin.delete(`/api/regions/${slug}/members/${userId}`)).statusCode).toBe(200);

    const me = ((await admin.get('/api/auth/session')).json() as { user: { id: string } }).user.id;
    const demote = await admin.patch(`/api/regions/${slug}/members/${me}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect((demote.json() as { error: { code: string } }).error.code).toBe('LAST_ADMIN');
    expect((await admin.delete(`/api/regions/${slug}/members/${me}`)).statusCode).toBe(409);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const region = await regionFactory(t.database.db, { slug: 'twee-admins' });
    const first = await userFactory(t.database.db, { regionSlug: region.slug, role: 'admin' });
    const second = await userFactory(t.database.db, { regionSlug: region.slug, role: 'admin' });
    const clientFirst = await new ApiClient(t.app).login(first.email, TEST_PASSWORD);
    const clientSecond = await new ApiClient(t.app).login(second.email, TEST_PASSWORD);
    const results = await Promise.all([
      clientFirst.patch(`/api/regions/${region.slug}/members/${second.userId}`, { role: 'viewer' }),
      clientSecond.patch(`/api/regions/${region.slug}/members/${first.userId}`, { role: 'viewer' }),
    ]);
    // One wins; the other is refused either as the last admin (409) or, if the first demotion landed
    // before its request was authorised, because it is no longer an admin (403).
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const [row] = await t.database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM memberships m JOIN regions r ON r.id = m.region_id WHERE r.slug = 'twee-admins' AND m.role = 'admin'",
    );
    expect(row?.n).toBe(1);
  });

  it('refuses to invite someone who is already a member', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/invitations`, { email: adminEmail, role: 'viewer' });
    expect(response.statusCode).toBe(409);
    expect((response.json() as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe('email');
  });
});
