/**
 * `manage-users/server` mounted as a vendor would: the API on a SQLite store, behind the
 * vendor's own session check — here a signed JWT (ES256, verified with jose) whose `sub`
 * names the member. Tokens that are unsigned, expired or signed by someone else are a 401.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../helpers/wait-for.ts';
import { Hono } from 'hono';
import { SignJWT, UnsecuredJWT, generateKeyPair, jwtVerify, type CryptoKey } from 'jose';
import {
  createApiApp,
  createClock,
  hashPassword,
  openSqliteStore,
  type Authenticate,
  type Mail,
  type Mailer,
} from '../../api/index.ts';

const ISSUER = 'https://lms.example';
const AUDIENCE = 'manage-users';

/** The vendor's session check: a valid token of their LMS names a member by `sub`. */
function jwtAuthenticate(publicKey: CryptoKey, store: ReturnType<typeof openSqliteStore>): Authenticate {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
      });
      return payload.sub ? await store.member(payload.sub) : undefined;
    } catch {
      return undefined;
    }
  };
}

describe('manage-users/server behind a JWT session check', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const store = openSqliteStore(':memory:');
  await store.insertGroup({ id: 'g_acme', name: 'Acme Training', totalSeats: 5 });
  const joinedAt = new Date().toISOString();
  await store.insertMember({
    id: 'usr_ada',
    groupId: 'g_acme',
    email: 'ada@acme.example',
    name: 'Ada Admin',
    role: 'admin',
    subgroupId: null,
    status: 'active',
    joinedAt,
    passwordHash: null,
  });
  const sent: Mail[] = [];
  const mailer: Mailer = { send: (mail) => Promise.resolve(void sent.push(mail)) };
  const api = createApiApp({
    store,
    clock: createClock(),
    mailer,
    acceptUrl: (token) => `https://lms.example/accept?token=${token}`,
    hashPassword,
    authenticate: jwtAuthenticate(publicKey, store),
    demo: false,
  });
  const app = new Hono().route('/api/v1', api);
  after(async () => {
    await api.worker.stop();
    await store.close();
  });

  const sign = (key: CryptoKey, expiresIn = '5m') =>
    new SignJWT({ email: 'ada@acme.example' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('usr_ada')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  const getGroup = (token: string) =>
    app.request('/api/v1/groups/g_acme', { headers: { Authorization: `Bearer ${token}` } });

  it('serves the group to the member a signed token names', async () => {
    const response = await getGroup(await sign(privateKey));
    assert.equal(response.status, 200);
    const group = await response.json();
    assert.equal(group.name, 'Acme Training');
    assert.equal(group.seats.total, 5);
  });

  it('invites and hands the email to the vendor’s mailer', async () => {
    const response = await app.request('/api/v1/groups/g_acme/invitations', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await sign(privateKey)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ batches: [{ role: 'learner', emails: ['new@acme.example'] }] }),
    });
    assert.equal(response.status, 201);
    await waitFor(() => sent.length > 0, 'the mail at the vendor’s mailer');
    assert.deepEqual(
      sent.map((mail) => mail.to),
      ['new@acme.example'],
    );
    assert.match(sent[0]?.acceptUrl ?? '', /^https:\/\/lms\.example\/accept\?token=/);
  });

  it('answers 401 to an unsigned token', async () => {
    const unsigned = new UnsecuredJWT({ email: 'ada@acme.example' })
      .setSubject('usr_ada')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .encode();
    const response = await getGroup(unsigned);
    assert.equal(response.status, 401);
    assert.equal((await response.json()).code, 'unauthenticated');
  });

  it('answers 401 to an expired token', async () => {
    assert.equal((await getGroup(await sign(privateKey, '-1m'))).status, 401);
  });

  it('answers 401 to a token signed with another key', async () => {
    const stranger = await generateKeyPair('ES256');
    assert.equal((await getGroup(await sign(stranger.privateKey))).status, 401);
  });
});
