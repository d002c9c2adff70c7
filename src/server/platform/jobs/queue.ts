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
  /**
   * Runs a registered job once a day at the given UTC hour, once across all instances (a recurring job
   * such as confirmation reminders). Call before start().
   */
  daily(name: string, hourUtc: number): void;
  /** Runs a registered job's handler now, in this process (maintenance scripts and tests). */
  runNow(name: string, payload?: Record<string, unknown>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueDeps {
  log: Logger;
}
