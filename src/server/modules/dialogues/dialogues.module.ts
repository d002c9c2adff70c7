import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { FileStore } from '../../platform/files/file-store';
import { AttachmentsService } from './attachments.service';
import { dialoguesRoutes } from './dialogues.routes';
import { ModerationService } from './moderation.service';
import { DialogueNotices } from './notices';
import { PostsService } from './posts.service';
import { DialogueSearchService } from './search.service';
import { SpacesService } from './spaces.service';
import { ThreadsService } from './threads.service';

/**
 * Registers the dialogues module: builds its services and registers its routes (with the multipart parser, for
 * attachments, in their own scope). Called once from app.ts.
 */
export async function registerDialoguesModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const files = new FileStore(deps.config.UPLOAD_DIR, deps.config.UPLOAD_MAX_MB);
  const search = new DialogueSearchService(deps);
  const notices = new DialogueNotices(deps);
  const threads = new ThreadsService(deps, search, notices);
  const posts = new PostsService(deps, search, notices);
  await app.register(dialoguesRoutes, {
    spaces: new SpacesService(deps),
    threads,
    posts,
    attachments: new AttachmentsService(deps, files, posts),
    moderation: new ModerationService(deps, search, threads, posts),
    search,
    files,
  });
}
