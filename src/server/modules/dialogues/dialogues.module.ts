import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { dialoguesRoutes } from './dialogues.routes';
import { DialoguesService } from './dialogues.service';
import { DialogueSearchService } from './search.service';

/**
 * Registers the dialogues module: builds its service and registers its routes (with the multipart parser, for
 * attachments, in their own scope). Called once from app.ts.
 */
export async function registerDialoguesModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const files = new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB);
  const search = new DialogueSearchService(deps);
  await app.register(dialoguesRoutes, { dialogues: new DialoguesService(deps, files, search), search, files });
}
