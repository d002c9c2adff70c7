import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { DirectorySearchService } from '../directory/search.service';
import { LibraryService } from '../library/library.service';
import { PracticesService } from '../practices/practices.service';
import { searchRoutes } from './search.routes';
import { GlobalSearchService } from './search.service';

/**
 * Registers the global search (library, practices, people and agencies together): it calls each module's own
 * service, so each module's visibility rules apply. Called once from app.ts. (The LibraryService built here
 * registers the same extraction job handler again; the queue keeps one handler per name.)
 */
export async function registerSearchModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const library = new LibraryService(deps, new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB));
  const search = new GlobalSearchService(deps, { library, practices: new PracticesService(deps), directory: new DirectorySearchService(deps) });
  await app.register(searchRoutes, { search });
}
