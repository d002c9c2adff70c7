import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { DialogueSearchService } from '../dialogues/search.service';
import { DirectorySearchService } from '../directory/search.service';
import { libraryServiceOf } from '../library/library.module';
import { PracticesService } from '../practices/practices.service';
import { searchRoutes } from './search.routes';
import { GlobalSearchService } from './search.service';

/**
 * Registers the global search (library, practices, people and agencies together): it calls each module's own
 * service, so each module's visibility rules apply. Called once from app.ts. The library's service is the library
 * module's own instance (one extraction job handler, one search catalogue).
 */
export async function registerSearchModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const library = libraryServiceOf(deps);
  const search = new GlobalSearchService(deps, { library, practices: new PracticesService(deps), directory: new DirectorySearchService(deps), dialogues: new DialogueSearchService(deps) });
  await app.register(searchRoutes, { search });
}
