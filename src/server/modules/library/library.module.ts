import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { libraryRoutes } from './library.routes';
import { LibraryService } from './library.service';

/** One LibraryService per hub (its deps): it registers the extraction job and holds the search catalogue. */
const services = new WeakMap<PlatformDeps, { library: LibraryService; files: FileStore }>();

function build(deps: PlatformDeps): { library: LibraryService; files: FileStore } {
  let s = services.get(deps);
  if (!s) {
    const files = new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB);
    s = { library: new LibraryService(deps, files), files };
    services.set(deps, s);
  }
  return s;
}

/** The hub's library service, for modules that search the library too (global search): the same instance as the routes'. */
export function libraryServiceOf(deps: PlatformDeps): LibraryService {
  return build(deps).library;
}

/**
 * Registers the library module: builds its service (which registers the text-extraction job, before startJobs) and
 * its routes (with the multipart parser in their own scope). Called once from app.ts.
 */
export async function registerLibraryModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const { library, files } = build(deps);
  await app.register(libraryRoutes, { library, files });
}
