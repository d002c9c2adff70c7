import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';

/**
 * Registers the global search (library, practices, dialogues, people and agencies together): builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerSearchModule(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {
  // routes come with the module
}
