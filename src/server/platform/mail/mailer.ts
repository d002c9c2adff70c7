import type { Kysely, Transaction } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { smtpPoolOptions } from './smtp-options';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { newId } from '../crypto';
import type { JobQueue } from '../jobs/queue';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What the mail is for: invitation, password_reset, ... (shown in the outbox). */
  kind: string;
}

export const MAIL_JOB = 'mail.deliver';
/** Messages handed to one delivery job, and how many of them are sent at once. */
const BATCH = 50;
const PARALLEL_DELIVERIES = 8;

/**
 * Every mail is written to the outbox in the caller's transaction. With SMTP configured it is `queued` and a job
 * delivers it; without SMTP it is `held`, and administrators read it in the outbox page instead.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly log: Logger,
    smtpUrl: string | undefined,
    private readonly from: string,
  ) {
    // A pool of connections kept open: a digest run hands thousands of messages over at once, and a new connection
    // (greeting, EHLO) per message, one at a time, would take minutes.
    this.transport = smtpUrl ? nodemailer.createTransport(smtpPoolOptions(smtpUrl, PARALLEL_DELIVERIES)) : null;
    queue.work(MAIL_JOB, (p) => this.deliverBatch(Array.isArray(p.outboxIds) ? p.outboxIds.map(String) : [String(p.outboxId)]));
  }

  /** Writes the message; call `dispatch` with the returned id after the transaction commits. */
  async enqueue(trx: Transaction<DB> | Kysely<DB>, msg: MailMessage): Promise<string> {
    const id = newId();
    await trx
      .insertInto('outbox')
      .values({
        id,
        to_address: msg.to,
        subject: msg.subject,
        body_text: msg.text,
        kind: msg.kind,
        status: this.transport ? 'queued' : 'held',
        attempts: 0,
        last_error: null,
        created_at: this.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
    return id;
  }

  async dispatch(ids: readonly string[]): Promise<void> {
    if (!this.transport) return;
    for (let i = 0; i < ids.length; i += BATCH) await this.queue.send(MAIL_JOB, { outboxIds: ids.slice(i, i + BATCH) });
  }

  /**
   * Delivers a batch, several at a time. A message already sent is skipped, so a retried batch (after one of its
   * messages failed) never sends anything twice; the job fails, and is retried, while any message is still queued.
   */
  private async deliverBatch(ids: readonly string[]): Promise<void> {
    const queue = [...ids];
    const failures: unknown[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        await this.deliver(id).catch((err: unknown) => failures.push(err));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_DELIVERIES, ids.length) }, worker));
    if (failures.length > 0) throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
  }

  /** Closes the pooled SMTP connections (on shutdown). */
  close(): void {
    this.transport?.close();
  }

  /** Queues delivery of mail that was written but never handed to the queue (a crash between commit and send). */
  async requeueStranded(): Promise<void> {
    if (!this.transport) return;
    const cutoff = new Date(this.clock.now().getTime() - 10 * 60_000).toISOString();
    const rows = await this.db.selectFrom('outbox').select('id').where('status', '=', 'queued').where('created_at', '<', cutoff).execute();
    await this.dispatch(rows.map((r) => r.id));
  }

  private async deliver(outboxId: string): Promise<void> {
    if (!this.transport) return;
    const msg = await this.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirst();
    if (!msg || msg.status === 'sent') return;
    try {
      await this.transport.sendMail({ from: this.from, to: msg.to_address, subject: msg.subject, text: msg.body_text });
      await this.db.updateTable('outbox').set({ status: 'sent', sent_at: this.clock.now().toISOString(), attempts: msg.attempts + 1, last_error: null }).where('id', '=', outboxId).execute();
    } catch (err) {
      this.log.warn({ err, outboxId }, 'mail delivery failed');
      await this.db.updateTable('outbox').set({ attempts: msg.attempts + 1, last_error: String(err).slice(0, 1000), status: msg.attempts + 1 >= 5 ? 'failed' : 'queued' }).where('id', '=', outboxId).execute();
      throw err;
    }
  }
}
