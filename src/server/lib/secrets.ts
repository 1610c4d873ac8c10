import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A URL-safe random token (session ids, one-time links). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored as their SHA-256, so a database leak does not hand out live sessions or links. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// argon2id with the library's defaults (m=19 MiB, t=2, p=1, as OWASP recommends).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const dummyHash = hash('lotse-timing-equaliser-password');

/** Verifies; with no stored hash it still spends the same time, so unknown e-mails are not revealed. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
