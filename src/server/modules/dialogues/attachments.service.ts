import type { Readable } from 'node:stream';
import type { Post } from '@/contracts/dialogues';
import type { RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import type { Upload } from '../../platform/files/multipart';
import { requireActor } from '../../platform/permissions';
import { orNotFound, postAccess } from './dialogues.access';
import { dialoguesRepository as repo } from './dialogues.repository';
import type { PostsService } from './posts.service';

/** Attachments per post, at most. */
const MAX_ATTACHMENTS = 5;

export interface Download {
  body: Readable;
  size: number;
  contentType: string;
  fileName: string;
}

/** Files attached to posts: added by the post's author while the thread is open, downloaded by whoever sees the post. */
export class AttachmentsService {
  constructor(private readonly d: PlatformDeps, private readonly files: FileStore, private readonly posts: PostsService) {}

  /** 401/403/404/409 before the upload is read: only the post's author adds files, while the thread is open. */
  async checkAttach(ctx: RequestContext, postId: string): Promise<void> {
    const actor = requireActor(ctx);
    const { post, thread } = await postAccess(this.d.db, actor, postId);
    if (post.author_id !== actor.id) throw errors.forbidden('Only the author adds files to a post.');
    if (thread.locked) throw new AppError(409, 'thread_locked', 'This thread is locked.');
    if ((await repo.attachmentCount(this.d.db, postId)) >= MAX_ATTACHMENTS) throw errors.field('file', `A post has at most ${MAX_ATTACHMENTS} files.`);
  }

  async attach(ctx: RequestContext, postId: string, upload: Upload): Promise<Post> {
    const actor = requireActor(ctx);
    try {
      await this.checkAttach(ctx, postId);
      const stored = await this.files.keep(upload.file);
      try {
        await this.d.db.transaction().execute(async (trx) => {
          const row = { id: newId(), post_id: postId, storage_key: stored.key, file_type: upload.file.type, content_type: upload.file.contentType, size_bytes: upload.file.size, sha256: upload.file.sha256, original_name: upload.file.originalName.slice(0, 255) || null, uploaded_by: actor.id, created_at: this.d.clock.now().toISOString() };
          await repo.insertAttachment(trx, row);
          await this.d.audit.record(trx, ctx, { action: 'dialogue.attachment_added', entity: 'dialogue_post', entityId: postId, after: { attachmentId: row.id, fileType: row.file_type, size: row.size_bytes, sha256: row.sha256, originalName: row.original_name } });
        });
      } catch (err) {
        await this.files.remove(stored.key);
        throw err;
      }
    } finally {
      await this.files.discard(upload.file);
    }
    return this.posts.onePost(actor, postId);
  }

  async download(ctx: RequestContext, attachmentId: string): Promise<Download> {
    const actor = requireActor(ctx);
    const a = await repo.attachment(this.d.db, attachmentId);
    if (!a) throw errors.notFound('The file');
    await orNotFound(postAccess(this.d.db, actor, a.post_id), 'The file');
    const { stream, size } = await this.files.open(a.storage_key);
    return { body: stream, size, contentType: a.content_type, fileName: a.original_name ?? `attachment.${a.file_type}` };
  }
}
