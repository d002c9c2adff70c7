import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { publicationsRoutes } from './publications.routes';
import { PublicationsService } from './publications.service';

/** Registers the published reports list. Called once from app.ts. */
export async function registerPublicationsModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await app.register(publicationsRoutes, { publications: new PublicationsService(deps) });
}
