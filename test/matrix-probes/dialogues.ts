import { newId } from '@/server/platform/crypto';
import type { TestHub } from '../helpers/hub';
import type { ModuleProbe, ProbeContext } from './types';

interface Fixture { spaceId: string; threadId: string; postId: string; reportId: string; attachmentId: string }

/** A space open to Members with one thread, a report on its first post and an attachment, made once per hub. */
const fixtures = new WeakMap<TestHub, Promise<Fixture>>();

function fixture(ctx: ProbeContext): Promise<Fixture> {
  let f = fixtures.get(ctx.hub);
  if (!f) {
    f = (async () => {
      const admin = ctx.agents.secretariat_admin;
      const space = await admin.request('POST', '/api/dialogues/spaces', { name: 'Matrix space', kind: 'theme', themeCode: 'victim-identification', access: 'members' });
      if (space.status !== 201) throw new Error(`setup failed: ${JSON.stringify(space.body)}`);
      const thread = await admin.request('POST', `/api/dialogues/spaces/${space.body.id}/threads`, { title: 'Matrix thread', body: 'First post' });
      const posts = await admin.request('GET', `/api/dialogues/threads/${thread.body.id}/posts`);
      const postId = posts.body.items[0].id as string;
      const report = await admin.request('POST', `/api/dialogues/posts/${postId}/reports`, { reason: 'Matrix report' });
      const attachmentId = newId();
      await ctx.hub.deps.db.insertInto('dialogue_attachments').values({
        id: attachmentId, post_id: postId, storage_key: `${attachmentId.slice(0, 2)}/${attachmentId}`, file_type: 'txt', content_type: 'text/plain; charset=utf-8',
        size_bytes: 5, sha256: '0'.repeat(64), original_name: 'note.txt', uploaded_by: null, created_at: ctx.hub.clock.now().toISOString(),
      }).execute();
      return { spaceId: space.body.id as string, threadId: thread.body.id as string, postId, reportId: report.body.id as string, attachmentId };
    })();
    fixtures.set(ctx.hub, f);
  }
  return f;
}

/** A post of the caller's own in the fixture thread (for edits and attachments: only authors may), else the fixture's. */
async function ownPost(ctx: ProbeContext, f: Fixture): Promise<string> {
  const res = await ctx.agents[ctx.caller].request('POST', `/api/dialogues/threads/${f.threadId}/posts`, { body: `A reply by ${ctx.caller}` });
  return res.status === 201 ? (res.body.id as string) : f.postId;
}

/** Probes for the dialogues module's routes (see test/permission-matrix.test.ts). */
export const dialoguesProbe: ModuleProbe = async (route, ctx) => {
  const [method, url] = route.split(' ');
  if (!url?.startsWith('/api/dialogues/')) return undefined;
  const f = await fixture(ctx);
  const bodies: Record<string, unknown> = {
    'POST /api/dialogues/spaces': { name: 'Another space', kind: 'working_group', workingGroupCode: 'WG-TIP', access: 'invited' },
    'PATCH /api/dialogues/spaces/:id': { description: 'Changed' },
    'POST /api/dialogues/spaces/:id/members': { email: ctx.agents.official.user?.email ?? 'nobody@test.hub.example', role: 'member' },
    'POST /api/dialogues/spaces/:id/threads': { title: 'A thread', body: 'Hello' },
    'POST /api/dialogues/threads/:id/posts': { body: 'A reply' },
    'POST /api/dialogues/threads/:id/read': { postId: f.postId },
    'POST /api/dialogues/threads/:id/moderation': { action: 'pin', reason: 'Matrix check' },
    'PATCH /api/dialogues/posts/:id': { body: 'Edited' },
    'POST /api/dialogues/posts/:id/moderation': { action: 'unhide', reason: 'Matrix check' },
    'POST /api/dialogues/posts/:id/reports': { reason: 'Matrix report' },
    'POST /api/dialogues/preview': { body: '**bold**' },
    'POST /api/dialogues/reports/:id/resolve': { reason: 'Matrix check' },
    'POST /api/dialogues/posts/:id/attachments': { file: 'not a form' },
  };
  let id = f.spaceId;
  if (url.startsWith('/api/dialogues/threads/')) id = f.threadId;
  if (url.startsWith('/api/dialogues/posts/')) id = route === 'PATCH /api/dialogues/posts/:id' || route === 'POST /api/dialogues/posts/:id/attachments' ? await ownPost(ctx, f) : f.postId;
  if (url.startsWith('/api/dialogues/reports/')) id = f.reportId;
  if (url.startsWith('/api/dialogues/attachments/')) id = f.attachmentId;
  if (route === 'GET /api/dialogues/search') return { url: '/api/dialogues/search?q=matrix' };
  if (route === 'GET /api/dialogues/spaces/:id/member-candidates') return { url: `/api/dialogues/spaces/${f.spaceId}/member-candidates?q=a` };
  const filled = url.replace(':userId', newId()).replace(':id', id);
  return { url: filled, ...(method !== 'GET' ? { body: bodies[route] ?? {} } : {}) };
};
