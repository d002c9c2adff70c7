import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';

/**
 * Registers the practices module: builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerPracticesModule(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {
  // routes come with the module
}
