import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okSchema } from '@/contracts/common';
import {
  dialogueSearchQuery, dialogueSearchResultSchema, memberCandidateListSchema, memberCandidatesQuery, followSchema, postInputSchema, postModerationSchema, postPageSchema, postPatchSchema, postSchema, postsQuery, previewInputSchema, previewSchema,
  readInputSchema, reportInputSchema, reportListSchema, reportsQuery, resolveReportSchema, spaceInputSchema, spaceListSchema, spaceMemberInputSchema,
  spaceMemberListSchema, spacePatchSchema, spaceSchema, threadInputSchema, threadListSchema, threadModerationSchema, threadSchema, threadsQuery,
} from '@/contracts/dialogues';
import { contentDisposition, type FileStore } from '../../platform/files/file-store';
import { readUpload, registerUploads } from '../../platform/files/multipart';
import { problems } from '../../platform/http/responses';
import type { AttachmentsService } from './attachments.service';
import type { ModerationService } from './moderation.service';
import type { PostsService } from './posts.service';
import type { DialogueSearchService } from './search.service';
import type { SpacesService } from './spaces.service';
import type { ThreadsService } from './threads.service';

export interface DialoguesRoutesOptions {
  spaces: SpacesService;
  threads: ThreadsService;
  posts: PostsService;
  attachments: AttachmentsService;
  moderation: ModerationService;
  search: DialogueSearchService;
  files: FileStore;
}

const memberParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export const dialoguesRoutes: FastifyPluginAsyncZod<DialoguesRoutesOptions> = async (app, { spaces, threads, posts, attachments, moderation, search, files }) => {
  const tags = ['dialogues'];
  await registerUploads(app, files);
  const writeLimit = { rateLimit: { max: 300, timeWindow: 60_000 } };

  app.get('/api/dialogues/search', {
    schema: {
      tags, summary: 'Search the threads I may see (title and visible posts, any script), title matches first, with snippets; optionally in one space',
      querystring: dialogueSearchQuery, response: { 200: dialogueSearchResultSchema, ...problems(400, 401, 403) },
    },
  }, (req) => search.find(req.ctx, req.query));

  // --- spaces
  app.get('/api/dialogues/spaces', {
    schema: { tags, summary: 'The spaces I may see, with their thread counts and my unread threads', response: { 200: spaceListSchema, ...problems(401, 403) } },
  }, (req) => spaces.listSpaces(req.ctx));
  app.post('/api/dialogues/spaces', {
    schema: { tags, summary: 'Create a space (secretariat): by theme, working group or event; open to Members or invite-only', body: spaceInputSchema, response: { 201: spaceSchema, ...problems(400, 401, 403) } },
  }, async (req, reply) => reply.status(201).send(await spaces.createSpace(req.ctx, req.body)));
  app.get('/api/dialogues/spaces/:id', {
    schema: { tags, summary: 'A space', params: idParam, response: { 200: spaceSchema, ...problems(401, 403, 404) } },
  }, (req) => spaces.getSpace(req.ctx, req.params.id));
  app.patch('/api/dialogues/spaces/:id', {
    schema: { tags, summary: "Change a space's name, description or access (secretariat)", params: idParam, body: spacePatchSchema, response: { 200: spaceSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => spaces.updateSpace(req.ctx, req.params.id, req.body));
  app.get('/api/dialogues/spaces/:id/members', {
    schema: { tags, summary: "A space's member list and moderators (moderators, secretariat)", params: idParam, response: { 200: spaceMemberListSchema, ...problems(401, 403, 404) } },
  }, (req) => spaces.members(req.ctx, req.params.id));
  app.get('/api/dialogues/spaces/:id/member-candidates', {
    schema: { tags, summary: 'People to add to a space, by part of a name or email: active accounts, at most 10, with their role if listed (secretariat)', params: idParam, querystring: memberCandidatesQuery, response: { 200: memberCandidateListSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => spaces.candidates(req.ctx, req.params.id, req.query.q));
  app.post('/api/dialogues/spaces/:id/members', {
    schema: { tags, summary: 'Add a member or appoint a moderator, by email (secretariat); someone newly listed is notified (space_membership)', params: idParam, body: spaceMemberInputSchema, response: { 200: spaceMemberListSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => spaces.addMember(req.ctx, req.params.id, req.body));
  app.delete('/api/dialogues/spaces/:id/members/:userId', {
    schema: { tags, summary: 'Remove a member or moderator (secretariat)', params: memberParams, response: { 200: spaceMemberListSchema, ...problems(401, 403, 404) } },
  }, (req) => spaces.removeMember(req.ctx, req.params.id, req.params.userId));
  app.put('/api/dialogues/spaces/:id/follow', {
    schema: { tags, summary: 'Follow a space: new threads are notified (thread_activity, by my notification settings)', params: idParam, response: { 200: followSchema, ...problems(401, 403, 404) } },
  }, (req) => spaces.setFollow(req.ctx, req.params.id, true));
  app.delete('/api/dialogues/spaces/:id/follow', {
    schema: { tags, summary: 'Stop following a space', params: idParam, response: { 200: followSchema, ...problems(401, 403, 404) } },
  }, (req) => spaces.setFollow(req.ctx, req.params.id, false));

  // --- threads
  app.get('/api/dialogues/spaces/:id/threads', {
    schema: { tags, summary: 'Threads of a space: pinned first, then the latest activity; unread counts (keyset cursor)', params: idParam, querystring: threadsQuery, response: { 200: threadListSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => threads.listThreads(req.ctx, req.params.id, req.query));
  app.post('/api/dialogues/spaces/:id/threads', {
    config: writeLimit,
    schema: { tags, summary: 'Start a thread (title and first post in Markdown); mentions notify, followers of the space hear of it', params: idParam, body: threadInputSchema, response: { 201: threadSchema, ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => reply.status(201).send(await threads.createThread(req.ctx, req.params.id, req.body)));
  app.get('/api/dialogues/threads/:id', {
    schema: { tags, summary: 'A thread, with my unread count and what I may do', params: idParam, response: { 200: threadSchema, ...problems(401, 403, 404) } },
  }, (req) => threads.getThread(req.ctx, req.params.id));
  app.get('/api/dialogues/threads/:id/posts', {
    schema: { tags, summary: 'Posts of a thread, oldest first (keyset cursor on time and id)', params: idParam, querystring: postsQuery, response: { 200: postPageSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => posts.posts(req.ctx, req.params.id, req.query));
  app.post('/api/dialogues/threads/:id/posts', {
    config: writeLimit,
    schema: { tags, summary: 'Reply (Markdown), optionally quoting a post of the thread', params: idParam, body: postInputSchema, response: { 201: postSchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.status(201).send(await posts.reply(req.ctx, req.params.id, req.body)));
  app.post('/api/dialogues/threads/:id/read', {
    schema: { tags, summary: 'Mark the thread read up to a post (the last one shown)', params: idParam, body: readInputSchema, response: { 200: z.object({ unreadCount: z.number().int() }), ...problems(400, 401, 403, 404) } },
  }, (req) => threads.read(req.ctx, req.params.id, req.body.postId));
  app.put('/api/dialogues/threads/:id/follow', {
    schema: { tags, summary: 'Follow a thread: replies are notified (thread_activity)', params: idParam, response: { 200: followSchema, ...problems(401, 403, 404) } },
  }, (req) => threads.setFollow(req.ctx, req.params.id, true));
  app.delete('/api/dialogues/threads/:id/follow', {
    schema: { tags, summary: 'Stop following a thread', params: idParam, response: { 200: followSchema, ...problems(401, 403, 404) } },
  }, (req) => threads.setFollow(req.ctx, req.params.id, false));
  app.post('/api/dialogues/threads/:id/moderation', {
    schema: { tags, summary: 'Pin, unpin, lock, unlock, hide, unhide or move a thread, with a reason (moderators, secretariat; audited)', params: idParam, body: threadModerationSchema, response: { 200: threadSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => moderation.moderateThread(req.ctx, req.params.id, req.body));

  // --- posts
  app.get('/api/dialogues/posts/:id', {
    schema: { tags, summary: 'A post', params: idParam, response: { 200: postSchema, ...problems(401, 403, 404) } },
  }, (req) => posts.getPost(req.ctx, req.params.id));
  app.patch('/api/dialogues/posts/:id', {
    config: writeLimit,
    schema: { tags, summary: 'Edit my post (Markdown)', params: idParam, body: postPatchSchema, response: { 200: postSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => posts.editPost(req.ctx, req.params.id, req.body.body));
  app.post('/api/dialogues/posts/:id/attachments', {
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags, summary: 'Attach a file to my post: multipart/form-data with the file in a field named "file" (type checked by content)', params: idParam, response: { 201: postSchema, ...problems(400, 401, 403, 404, 409, 413, 415) } },
  }, async (req, reply) => {
    await attachments.checkAttach(req.ctx, req.params.id);
    const upload = await readUpload(req, files);
    return reply.status(201).send(await attachments.attach(req.ctx, req.params.id, upload));
  });
  app.get('/api/dialogues/attachments/:id', {
    schema: { tags, summary: 'Download an attachment (for those who see its thread)', params: idParam, response: problems(401, 403, 404) },
  }, async (req, reply) => {
    const file = await attachments.download(req.ctx, req.params.id);
    return (reply as FastifyReply)
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-length', String(file.size))
      .send(file.body);
  });
  app.post('/api/dialogues/posts/:id/moderation', {
    schema: { tags, summary: 'Hide or unhide a post, with a reason (moderators, secretariat; audited)', params: idParam, body: postModerationSchema, response: { 200: postSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => moderation.moderatePost(req.ctx, req.params.id, req.body));
  app.post('/api/dialogues/posts/:id/reports', {
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags, summary: 'Report a post to the moderators, with a reason', params: idParam, body: reportInputSchema, response: { 201: z.object({ id: z.string() }), ...problems(400, 401, 403, 404) } },
  }, async (req, reply) => reply.status(201).send(await moderation.report(req.ctx, req.params.id, req.body.reason)));
  app.post('/api/dialogues/preview', {
    config: { rateLimit: { max: 240, timeWindow: 60_000 } },
    schema: { tags, summary: 'Render Markdown as a post would be shown (sanitised on the server)', body: previewInputSchema, response: { 200: previewSchema, ...problems(400, 401, 403) } },
  }, (req) => posts.preview(req.ctx, req.body.body));

  // --- reports
  app.get('/api/dialogues/reports', {
    schema: { tags, summary: 'Reports in the spaces I moderate (all for the secretariat)', querystring: reportsQuery, response: { 200: reportListSchema, ...problems(400, 401, 403) } },
  }, (req) => moderation.reports(req.ctx, req.query.status));
  app.post('/api/dialogues/reports/:id/resolve', {
    schema: { tags, summary: 'Resolve a report with a reason, optionally hiding the post (moderators, secretariat; audited)', params: idParam, body: resolveReportSchema, response: { 200: okSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => moderation.resolveReport(req.ctx, req.params.id, req.body));
};
