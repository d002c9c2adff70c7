import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';

/**
 * Registers the dialogues module: builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerDialoguesModule(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {
  // routes come with the module
}
