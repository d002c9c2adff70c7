import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const duration = z.coerce.number().int().positive();

/** Every environment variable the hub reads, with its default. The README lists the same. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin, used in email links and to decide whether cookies are Secure. */
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL connection string; when unset the hub runs on SQLite at SQLITE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Optional schema for PostgreSQL (tests use one per run). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  SQLITE_PATH: z.string().default('./data/hub.sqlite'),
  /** Redis for shared rate limits and login throttling across instances. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  /** SMTP for outgoing mail; without it mail is held in the outbox that administrators read. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Bali Process Hub <no-reply@hub.invalid>'),
  /** Secret that encrypts two-factor secrets and signs short-lived challenges (32+ characters).
   * When unset, one is generated once and kept in the database, so every instance shares it. */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: duration.default(30),
  SESSION_ABSOLUTE_HOURS: duration.default(12),
  INVITATION_DAYS: duration.default(7),
  PASSWORD_RESET_MINUTES: duration.default(30),
  /** Failed sign-ins before an account is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_MAX_FAILURES: duration.default(5),
  LOGIN_LOCK_MINUTES: duration.default(15),
  /** Requests per minute per IP on the sign-in endpoints. */
  LOGIN_RATE_PER_MINUTE: duration.default(20),
  /** Requests per minute per IP on the whole API. */
  API_RATE_PER_MINUTE: duration.default(1200),
  /** A focal point's record falls due for confirmation this many days after it was last confirmed. */
  CONFIRMATION_INTERVAL_DAYS: duration.default(182),
  /** How long an emailed confirmation link stays valid. */
  CONFIRMATION_LINK_DAYS: duration.default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load demo accounts and data on first start (SQLite default: on). */
  SEED_DEMO: bool.optional(),
  /** Run background jobs in this instance. */
  RUN_JOBS: bool.default(true),
  TRUST_PROXY: bool.default(false),
  WEB_DIST: z.string().default('./dist/web'),
  /** Where uploaded files (meeting papers, library files) are stored, under server-generated names. */
  UPLOAD_DIR: z.string().default('./data/uploads'),
  /** The largest upload accepted, in megabytes. */
  UPLOAD_MAX_MB: duration.default(50),
});

export type Config = z.infer<typeof configSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const source = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Links in mail point at PUBLIC_URL; on a laptop that is the port the hub listens on.
  return { ...parsed.data, PUBLIC_URL: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, '') };
}
