import type { FastifyInstance } from 'fastify';
import { DIGEST_HOUR_UTC } from '@/contracts/notifications';
import type { PlatformDeps } from '../../platform/deps';
import { notificationsRoutes } from './notifications.routes';
import { DIGEST_JOB, NotificationsService } from './notifications.service';

/**
 * Registers the notifications module: the digest job (daily at DIGEST_HOUR_UTC; weekly digests go out in the
 * first run of each ISO week) and the preference routes. Called once from app.ts, before startJobs.
 */
export async function registerNotificationsModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const notifications = deps.notifier instanceof NotificationsService ? deps.notifier : new NotificationsService(deps);
  deps.jobs.work(DIGEST_JOB, async () => {
    await notifications.sendDigests();
  });
  deps.jobs.daily(DIGEST_JOB, DIGEST_HOUR_UTC);
  await app.register(notificationsRoutes, { notifications });
}
