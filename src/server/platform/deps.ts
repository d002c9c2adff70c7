import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { DialectName } from '../db/database';
import type { DB } from '../db/schema';
import type { AuditTrail } from './audit/audit';
import type { SessionStore } from './auth/sessions';
import type { Clock } from './clock';
import type { SecretBox } from './crypto';
import type { JobQueue } from './jobs/queue';
import type { Mailer } from './mail/mailer';
import type { Notifier } from './notify';

/** The shared pieces every service may use, built once in app.ts. */
export interface PlatformDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  config: Config;
  clock: Clock;
  log: Logger;
  audit: AuditTrail;
  mailer: Mailer;
  sessions: SessionStore;
  secrets: SecretBox;
  jobs: JobQueue;
  /** Email notifications by each user's preference (immediately or in a digest). */
  notifier: Notifier;
}
