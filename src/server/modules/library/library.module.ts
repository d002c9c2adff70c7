import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';

/**
 * Registers the library module: builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerLibraryModule(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {
  // routes come with the module
}
