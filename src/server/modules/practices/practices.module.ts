import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { practicesRoutes } from './practices.routes';
import { PracticesService } from './practices.service';

/**
 * Registers the practices module: builds its service and its routes. Called once from app.ts.
 */
export async function registerPracticesModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await app.register(practicesRoutes, { practices: new PracticesService(deps) });
}
