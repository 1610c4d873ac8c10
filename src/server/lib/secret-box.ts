import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of secrets at rest (TOTP secrets): a database dump or backup alone does not hand out
 * second factors. AES-256-GCM with a server key that never sits in the database: LOTSE_SECRET_KEY,
 * or `secret.key` in DATA_DIR, created on first use with mode 0600. Each value names the key it was
 * sealed with and is bound to its row (associated data), so a value copied onto another user's row
 * does not open. Rotation: put the new key in LOTSE_SECRET_KEY and the old one in
 * LOTSE_SECRET_KEY_PREVIOUS, restart (values are re-sealed with the new key at start), then drop
 * the old one. See the README.
 */
export interface SecretKeys {
  current: Buffer;
  previous: Buffer[];
}

const PREFIX = 'v1';
export const KEY_FILE = 'secret.key';

/** A key from its configured text: 32 bytes in base64 or hex, or any passphrase of 32+ characters. */
export function keyFromText(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const b64 = Buffer.from(trimmed, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) return b64;
  return createHash('sha256').update(trimmed, 'utf8').digest();
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** The configured key, or the key file of DATA_DIR (made on first use, readable by the owner only). */
export function loadSecretKeys(options: {
  dataDir: string;
  secretKey: string | undefined;
  previousSecretKeys: string[];
}): SecretKeys {
  const previous = options.previousSecretKeys.map(keyFromText);
  if (options.secretKey) return { current: keyFromText(options.secretKey), previous };
  const file = path.join(options.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // Written whole under another name and linked into place: a crash or a full disk never leaves
    // an empty key file behind, and of two processes starting at once only one key wins.
    const draft = `${file}.${process.pid}.new`;
    fs.writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  // An empty or damaged file must not turn into a key everyone can compute (the hash of nothing).
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(text)) {
    throw new SecretKeyError(`${file} is not a key (32 bytes in base64): restore it from where you keep it`);
  }
  return { current: key, previous };
}

const loaded = new Map<string, SecretKeys>();

/** The keys of a configuration, read once per process. */
export function secretKeysOf(config: {
  dataDir: string;
  secretKey: string | undefined;
  previousSecretKeys: string[];
}): SecretKeys {
  const cacheKey = [config.dataDir, config.secretKey ?? '', ...config.previousSecretKeys].join('\n');
  let keys = loaded.get(cacheKey);
  if (!keys) {
    keys = loadSecretKeys(config);
    loaded.set(cacheKey, keys);
  }
  return keys;
}

/** `v1.<key id>.<iv>.<ciphertext and tag>`, all base64url. */
export function seal(keys: SecretKeys, plain: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, keyId(keys.current), iv.toString('base64url'), body.toString('base64url')].join('.');
}

export const isSealed = (value: string) => value.startsWith(`${PREFIX}.`);

/**
 * Before a key file is made: data restored without its key must not get a new one silently (the
 * old secrets would then never open); say which key is missing instead.
 */
export function assertKeyAvailable(
  config: { dataDir: string; secretKey: string | undefined },
  sealedValue: string | undefined,
) {
  if (!sealedValue || config.secretKey || fs.existsSync(path.join(config.dataDir, KEY_FILE))) return;
  throw new SecretKeyError(
    `second factors are sealed with key ${sealedValue.split('.')[1]}, but neither LOTSE_SECRET_KEY nor ${path.join(config.dataDir, KEY_FILE)} is there: put the key back (it is not part of a backup)`,
  );
}

/** Whether a sealed value was sealed with an older key and should be sealed anew. */
export const sealedWithOldKey = (keys: SecretKeys, value: string) =>
  isSealed(value) && value.split('.')[1] !== keyId(keys.current);

export class SecretKeyError extends Error {}

/** The plain value; a value that is not sealed (stored before encryption) is returned as it is. */
export function unseal(keys: SecretKeys, value: string, boundTo: string): string {
  if (!isSealed(value)) return value;
  const [, id, iv, body] = value.split('.');
  const key = [keys.current, ...keys.previous].find((k) => keyId(k) === id);
  if (!key || !iv || !body) {
    throw new SecretKeyError(
      `a secret was sealed with key ${id}, which is not configured (LOTSE_SECRET_KEY / LOTSE_SECRET_KEY_PREVIOUS)`,
    );
  }
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}
