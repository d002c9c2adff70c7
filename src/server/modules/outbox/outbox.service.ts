import type { OutboxMessage } from '@/contracts/outbox';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { authorize } from '../../platform/permissions';

/** The mail the hub wrote: held here when no SMTP server is configured, so invitations work on a laptop. */
export class OutboxService {
  constructor(private readonly d: PlatformDeps) {}

  async list(ctx: RequestContext): Promise<OutboxMessage[]> {
    authorize(ctx, 'outbox.read');
    const rows = await this.d.db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(200).execute();
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      // Once a mail server delivers them, reset links are the recipient's alone: an administrator reading the
      // outbox must not be able to take over an account with them.
      text: r.kind === 'password_reset' && r.status !== 'held' ? '(delivered by mail; the reset link is not shown here)' : r.body_text,
      kind: r.kind,
      status: r.status as OutboxMessage['status'],
      createdAt: r.created_at,
      sentAt: r.sent_at,
    }));
  }
}
