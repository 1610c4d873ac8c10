import path from 'node:path';
import { z } from 'zod';
import { required } from './lib/required';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Every environment variable Lotse reads; nothing else is read from the environment. */
const envSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/.+/, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Lotse <lotse@localhost>')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(logLevels).default('info')),
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(120),
  ),
  UPLOAD_LIMIT_MB: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(500).default(20)),
  PGLITE_CACHE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(8).max(4096).default(16)),
  LOTSE_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  LOTSE_ADMIN_PASSWORD: z.preprocess(
    emptyAsUndefined,
    z.string().min(12, 'at least 12 characters').optional(),
  ),
  LOTSE_ORG_NAME: z.preprocess(emptyAsUndefined, z.string().max(200).default('Lotse')),
  LOTSE_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1', 'true', 'false']).default('0')),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(['0', '1', 'true', 'false']).default('0')),
  LOTSE_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, 'at least 32 characters').optional()),
  LOTSE_SECRET_KEY_PREVIOUS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((v) => v.split(',').every((k) => k.trim().length >= 32), 'each key at least 32 characters')
      .optional(),
  ),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: (typeof logLevels)[number];
  sessionIdleMinutes: number;
  uploadLimitBytes: number;
  /** Buffer cache of the embedded database: more is faster on large data, and stays in memory. */
  pgliteCacheMb: number;
  bootstrapAdmin: { email: string; password: string; organisationName: string } | undefined;
  /** Load demo data when LOTSE_ADMIN_* creates the first organisation (npm run demo). */
  demo: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limit, audit). */
  trustProxy: boolean;
  /** The key that seals secrets at rest; without it, `secret.key` in DATA_DIR (lib/secret-box). */
  secretKey: string | undefined;
  /** Keys of before a rotation, to open what they sealed until it is sealed anew. */
  previousSecretKeys: string[];
  /** Longest a request may take to arrive (upload included). */
  requestTimeoutMs: number;
  /** Longest a route may take to answer before it answers 503 `timeout`; 0: no limit. */
  handlerTimeoutMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; a wrong value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = required(parsed.error.issues[0], 'an issue of a failed parse');
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.LOTSE_ADMIN_EMAIL) !== Boolean(e.LOTSE_ADMIN_PASSWORD)) {
    const missing = e.LOTSE_ADMIN_EMAIL ? 'LOTSE_ADMIN_PASSWORD' : 'LOTSE_ADMIN_EMAIL';
    throw new ConfigError(
      `Invalid environment variable ${missing}: required when the other LOTSE_ADMIN_* is set`,
    );
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    uploadLimitBytes: Math.round(e.UPLOAD_LIMIT_MB * 1024 * 1024),
    pgliteCacheMb: e.PGLITE_CACHE_MB,
    bootstrapAdmin:
      e.LOTSE_ADMIN_EMAIL && e.LOTSE_ADMIN_PASSWORD
        ? {
            email: e.LOTSE_ADMIN_EMAIL.toLowerCase(),
            password: e.LOTSE_ADMIN_PASSWORD,
            organisationName: e.LOTSE_ORG_NAME,
          }
        : undefined,
    demo: e.LOTSE_DEMO === '1' || e.LOTSE_DEMO === 'true',
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    secretKey: e.LOTSE_SECRET_KEY,
    previousSecretKeys:
      e.LOTSE_SECRET_KEY_PREVIOUS?.split(',')
        .map((k) => k.trim())
        .filter(Boolean) ?? [],
    // Node's own default; a 20 MB upload needs about 0.6 Mbit/s to arrive in time.
    requestTimeoutMs: 300_000,
    // Off: Fastify's timer runs until the last byte of the answer is sent, so any limit would cut
    // off large backups, downloads and uploads on slow lines; and the handler goes on after the
    // 503, so the answer would not even mean "not saved". Slow clients are bounded by requestTimeoutMs.
    handlerTimeoutMs: 0,
  };
}
