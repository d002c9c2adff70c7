import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';

/**
 * Registers the calendar module (.ics files and feeds): builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerCalendarModule(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {
  // routes come with the module
}
