import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { papersRoutes } from './papers.routes';
import { PapersService } from './papers.service';

/**
 * Registers the papers module: builds its services and registers its routes (with the multipart parser in their
 * own scope). Called once from app.ts.
 */
export async function registerPapersModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const files = new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB);
  await app.register(papersRoutes, { papers: new PapersService(deps, files), files });
}
