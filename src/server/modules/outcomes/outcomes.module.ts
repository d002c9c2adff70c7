import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { ActionsCsvService } from './actions-csv.service';
import { outcomesRoutes } from './outcomes.routes';
import { OutcomesService } from './outcomes.service';
import { PreBriefingService } from './pre-briefing.service';

/** The daily job that tells owners about actions due within a week, or overdue. */
export const OUTCOMES_DUE_JOB = 'outcomes.due';

/**
 * Registers the outcomes module: builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerOutcomesModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const outcomes = new OutcomesService(deps);
  deps.jobs.work(OUTCOMES_DUE_JOB, async () => {
    const sent = await outcomes.sendDueNotices();
    deps.log.info({ sent }, 'action due/overdue notices sent');
  });
  deps.jobs.daily(OUTCOMES_DUE_JOB, 3);
  await app.register(outcomesRoutes, { outcomes, csv: new ActionsCsvService(deps, outcomes), preBriefing: new PreBriefingService(deps, outcomes) });
}
