import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { newId } from '../crypto';
import type { JobHandler, JobQueue } from './queue';

const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;

/**
 * The embedded default: jobs in the `jobs` table, run by this process. A job left `running` by a crash is
 * picked up again when its lease expires, so none is lost across a restart.
 */
export class TableJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly pollMs = 500,
    private readonly runWorkers = true,
  ) {}

  async send(name: string, payload: Record<string, unknown>, opts: { delayMs?: number } = {}): Promise<void> {
    const now = this.clock.now();
    await this.db
      .insertInto('jobs')
      .values({
        id: newId(),
        name,
        payload: JSON.stringify(payload),
        status: 'pending',
        run_at: new Date(now.getTime() + (opts.delayMs ?? 0)).toISOString(),
        attempts: 0,
        locked_until: null,
        last_error: null,
        created_at: now.toISOString(),
        finished_at: null,
      })
      .execute();
    this.kick();
  }

  work(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async runNow(name: string, payload: Record<string, unknown> = {}): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${name}`);
    await handler(payload);
  }

  daily(name: string, hourUtc: number): void {
    this.schedules.set(name, hourUtc);
  }

  /** The next time the hour comes round, today or tomorrow. */
  private nextRun(hourUtc: number): Date {
    const now = this.clock.now();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  }

  /** Makes sure each daily job has its next run queued (one pending row per name). */
  private async ensureScheduled(): Promise<void> {
    for (const [name, hour] of this.schedules) {
      const pending = await this.db.selectFrom('jobs').select('id').where('name', '=', name).where('status', 'in', ['pending', 'running']).executeTakeFirst();
      if (!pending) await this.send(name, { scheduled: true }, { delayMs: this.nextRun(hour).getTime() - this.clock.now().getTime() });
    }
  }

  async start(): Promise<void> {
    if (!this.runWorkers) return;
    await this.ensureScheduled();
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job now; returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  private kick(): void {
    if (!this.stopped && !this.running) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.tick(), 0);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.tick(), this.pollMs);
    this.timer.unref();
  }

  private tick(): void {
    this.running = this.drain()
      .then(() => undefined)
      .catch((err: unknown) => this.log.error({ err }, 'job runner failed'))
      .finally(() => {
        this.running = undefined;
        this.schedule();
      });
  }

  private async runOne(): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const names = [...this.handlers.keys()];
    if (names.length === 0) return false;
    const job = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', 'in', names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
    if (!job) return false;
    const claimed = await this.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: job.attempts + 1, locked_until: new Date(Date.parse(now) + LEASE_MS).toISOString() })
      .where('id', '=', job.id)
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return true;
    const handler = this.handlers.get(job.name);
    try {
      await handler?.(JSON.parse(job.payload) as Record<string, unknown>);
      await this.db.updateTable('jobs').set({ status: 'done', finished_at: this.clock.now().toISOString(), locked_until: null }).where('id', '=', job.id).execute();
      if (this.schedules.has(job.name)) await this.ensureScheduled();
    } catch (err) {
      const attempts = job.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      this.log.warn({ err, job: job.name, attempts }, failed ? 'job failed for good' : 'job failed, will retry');
      await this.db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          last_error: String(err instanceof Error ? err.message : err).slice(0, 2000),
          run_at: new Date(this.clock.now().getTime() + 2 ** attempts * 1000).toISOString(),
          locked_until: null,
        })
        .where('id', '=', job.id)
        .execute();
    }
    return true;
  }
}
