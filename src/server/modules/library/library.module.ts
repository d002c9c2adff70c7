import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { libraryRoutes } from './library.routes';
import { LibraryService } from './library.service';

/**
 * Registers the library module: builds its service (which registers the text-extraction job, before startJobs) and
 * its routes (with the multipart parser in their own scope). Called once from app.ts.
 */
export async function registerLibraryModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const files = new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB);
  await app.register(libraryRoutes, { library: new LibraryService(deps, files), files });
}
