/**
 * Second factors at rest and in use: a database dump alone does not hand out TOTP secrets, and a
 * code is good once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { KEY_FILE, loadSecretKeys, secretKeysOf, unseal } from '../lib/secret-box';
import { staff } from '../testing/factories';
import { attemptLogin, PASSWORD, type Session, startTestApp, type TestApp } from '../testing/harness';
import { sealTotpSecrets } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Enrols the session's user and answers the secret, as the user's authenticator app holds it. */
async function enrol(s: Session) {
  const { secret } = (await s.post('/api/auth/totp/setup')).json();
  const totp = new TOTP({ secret, digits: 6, period: 30 });
  expect((await s.post('/api/auth/totp/enable', { code: totp.generate() })).statusCode).toBe(200);
  return { secret, totp, nextCode: () => totp.generate({ timestamp: Date.now() + 30_000 }) };
}
const storedSecret = async (id: string) =>
  (await t.ctx.db.select({ s: users.totpSecret }).from(users).where(eq(users.id, id)))[0]?.s ?? '';
const loginWith = (email: string, code: string) => attemptLogin(t.app, { email, password: PASSWORD, code });

describe('TOTP secrets at rest', () => {
  it('stores the secret sealed with the server key, which sits in DATA_DIR readable by its owner only', async () => {
    const { aylin } = await staff(t, ['aylin']);
    const { secret, nextCode } = await enrol(aylin);
    const stored = await storedSecret(aylin.user.id);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secret);
    expect((await loginWith(aylin.user.email, nextCode())).statusCode).toBe(200);
    const mode = fs.statSync(path.join(t.dataDir, KEY_FILE)).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
  });

  it('seals secrets stored in plain text before, at start', async () => {
    const { jonas } = await staff(t, ['jonas']);
    const { secret, nextCode } = await enrol(jonas);
    await t.ctx.db.update(users).set({ totpSecret: secret }).where(eq(users.id, jonas.user.id));
    expect(await sealTotpSecrets(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await storedSecret(jonas.user.id)).toMatch(/^v1\./);
    expect(await sealTotpSecrets(t.ctx)).toBe(0);
    expect((await loginWith(jonas.user.email, nextCode())).statusCode).toBe(200);
  });

  it('does not open a sealed secret copied onto another user', async () => {
    const { aylin, jonas } = await staff(t, ['aylin', 'jonas']);
    const { nextCode } = await enrol(aylin);
    await enrol(jonas);
    const stolen = await storedSecret(aylin.user.id);
    await t.ctx.db.update(users).set({ totpSecret: stolen }).where(eq(users.id, jonas.user.id));
    const res = await loginWith(jonas.user.email, nextCode());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('totp_invalid');
  });

  it('seals anew with a rotated key, and opens nothing without the old one', async () => {
    const { lead } = await staff(t, ['lead']);
    const { secret } = await enrol(lead);
    const oldKey = fs.readFileSync(path.join(t.dataDir, KEY_FILE), 'utf8').trim();
    const rotatedConfig = {
      ...t.ctx.config,
      secretKey: 'a new passphrase that is long enough to be a key',
      previousSecretKeys: [oldKey],
    };
    const sealedOld = await storedSecret(lead.user.id);
    expect(await sealTotpSecrets({ ...t.ctx, config: rotatedConfig })).toBeGreaterThanOrEqual(1);
    const resealed = await storedSecret(lead.user.id);
    expect(resealed.split('.')[1]).not.toBe(sealedOld.split('.')[1]);
    expect(unseal(secretKeysOf(rotatedConfig), resealed, `totp:${lead.user.id}`)).toBe(secret);

    await t.ctx.db.update(users).set({ totpSecret: sealedOld }).where(eq(users.id, lead.user.id));
    const withoutOld = { ...t.ctx, config: { ...rotatedConfig, previousSecretKeys: [] } };
    await expect(sealTotpSecrets(withoutOld)).rejects.toThrow(/not configured/);
  });
  it('does not start on data whose key is missing, and does not make a new key for it', async () => {
    const { aylin } = await staff(t, ['aylin']);
    await enrol(aylin);
    const elsewhere = { ...t.ctx.config, dataDir: path.join(t.dataDir, 'restored-without-key') };
    await expect(sealTotpSecrets({ ...t.ctx, config: elsewhere })).rejects.toThrow(/LOTSE_SECRET_KEY/);
    expect(fs.existsSync(path.join(elsewhere.dataDir, KEY_FILE))).toBe(false);
  });
});

describe('the key file', () => {
  it('refuses an empty or damaged key file rather than use a key anyone can compute', () => {
    for (const content of ['', '\n', 'not base64 at all!', Buffer.alloc(16).toString('base64')]) {
      const dataDir = fs.mkdtempSync(path.join(t.dataDir, 'damaged-'));
      fs.writeFileSync(path.join(dataDir, KEY_FILE), content);
      expect(() => loadSecretKeys({ dataDir, secretKey: undefined, previousSecretKeys: [] })).toThrow(
        /is not a key/,
      );
    }
  });
});

describe('TOTP codes', () => {
  it('accepts a code once: the same code again is refused, the next one is not', async () => {
    const { aylin } = await staff(t, ['aylin']);
    const { totp } = await enrol(aylin);
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect((await loginWith(aylin.user.email, next)).statusCode).toBe(200);
    const replay = await loginWith(aylin.user.email, next);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
    // An older code of the window is refused too, once a later one was used.
    expect((await loginWith(aylin.user.email, totp.generate())).statusCode).toBe(401);
  });

  it('does not let the code that enabled the factor log in', async () => {
    const { jonas } = await staff(t, ['jonas']);
    const { secret } = (await jonas.post('/api/auth/totp/setup')).json();
    const code = new TOTP({ secret, digits: 6, period: 30 }).generate();
    expect((await jonas.post('/api/auth/totp/enable', { code })).statusCode).toBe(200);
    expect((await loginWith(jonas.user.email, code)).statusCode).toBe(401);
  });
});
