import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobHandler, JobQueue } from './queue';

/** Scaled mode: pg-boss on the same PostgreSQL, so two instances share one queue and each job runs once. */
export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, number>();
  private started = false;

  constructor(
    connectionString: string,
    schema: string,
    private readonly log: Logger,
    private readonly runWorkers = true,
  ) {
    this.boss = new PgBoss({ connectionString, schema, max: 4 });
    this.boss.on('error', (err) => this.log.error({ err }, 'pg-boss error'));
  }

  async send(name: string, payload: Record<string, unknown>, opts: { delayMs?: number } = {}): Promise<void> {
    await this.boss.send(name, payload, {
      retryLimit: 5,
      retryBackoff: true,
      ...(opts.delayMs ? { startAfter: Math.ceil(opts.delayMs / 1000) } : {}),
    });
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

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const [name, handler] of this.handlers) {
      await this.boss.createQueue(name);
      const hour = this.schedules.get(name);
      // pg-boss keeps schedules in the database and fires each once, whichever instance's clock monitor sees it.
      if (hour !== undefined) await this.boss.schedule(name, `0 ${hour} * * *`, {}, { tz: 'UTC' });
      if (this.runWorkers) {
        // Poll every half second and take a few jobs at a time (pg-boss's default is one job per 2 s), so a
        // digest run's delivery batches do not queue up behind the poll.
        await this.boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 0.5, batchSize: 4 }, async (jobs) => {
          for (const job of jobs) await handler(job.data);
        });
      }
    }
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
