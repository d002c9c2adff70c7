import type { Logger } from 'pino';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Background jobs (mail delivery now; reminders and digests later). Jobs are stored in the database so they
 * survive a restart. SQLite: a table polled in-process. PostgreSQL: pg-boss, which hands each job to exactly
 * one worker across instances.
 */
export interface JobQueue {
  send(name: string, payload: Record<string, unknown>, opts?: { delayMs?: number }): Promise<void>;
  /** Register a handler; call before start(). */
  work(name: string, handler: JobHandler): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueDeps {
  log: Logger;
}
