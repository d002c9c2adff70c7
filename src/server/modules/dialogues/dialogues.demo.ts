import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import { renderMarkdown } from './markdown';
import { tokenize } from '../../platform/search';
import { dialogueSearchRepository, POST_WEIGHT, TITLE_WEIGHT } from './search.repository';

/** The September 2022 regional dialogue (events demo). */
const DIALOGUE_EVENT_ID = '00000000-0000-4000-8000-202209070001';

const id = (n: number) => `00000000-0000-4000-8000-d1a1${String(n).padStart(8, '0')}`;

interface DemoThread {
  title: string;
  author: string;
  pinned?: boolean;
  posts: { author: string; body: string }[];
}

interface DemoSpace {
  name: string;
  description: string;
  kind: 'theme' | 'working_group' | 'event';
  themeCode?: string;
  workingGroupCode?: string;
  eventId?: string;
  access: 'members' | 'invited';
  moderators: string[];
  members?: string[];
  threads: DemoThread[];
}

const spaces: DemoSpace[] = [
  {
    name: 'Identification of and assistance for victims',
    description: 'Practitioners compare screening tools, referral pathways and the RSO/NEXUS victim-identification guides.',
    kind: 'theme', themeCode: 'victim-identification', access: 'members', moderators: ['staff@demo.hub.example'],
    threads: [
      {
        title: 'Screening questions for fishing-vessel crews', author: 'somchai@demo.hub.example', pinned: true,
        posts: [
          { author: 'somchai@demo.hub.example', body: 'Our port inspection teams use a **short screening list** before a full interview. Does anyone have a version in Khmer or Burmese?\n\n@Sokha Demo (fictional) — I think your team translated one last year.' },
          { author: 'sokha@demo.hub.example', body: 'Yes — we have a Khmer version:\n\n> តើអ្នកអាចចាកចេញពីកប៉ាល់បានដោយសេរីឬទេ?\n\n(“Can you leave the vessel freely?”) I will attach it after our review. See also the [NEXUS guide](https://www.baliprocess.net/).' },
          { author: 'dewi@demo.hub.example', body: 'Di Indonesia kami menambahkan pertanyaan tentang dokumen identitas yang ditahan oleh kapten kapal. Terima kasih, @somchai!' },
          { author: 'official@demo.hub.example', body: 'Ở Việt Nam, chúng tôi dùng danh sách kiểm tra tương tự cho thuyền viên trở về. Happy to share the Vietnamese text.' },
        ],
      },
      {
        title: 'Referral pathways when the victim is a foreign national', author: 'maria@demo.hub.example',
        posts: [
          { author: 'maria@demo.hub.example', body: 'How do your agencies hand over a case to the country of origin? We follow these steps:\n\n1. Consular notification\n2. Shelter placement\n3. Joint interview (with consent)' },
          { author: 'aroha@demo.hub.example', body: 'We added a step for *informed consent in the person\'s language* before step 3. Kia ora koutou.' },
        ],
      },
    ],
  },
  {
    name: 'Working Group on Trafficking in Persons',
    description: 'The working group\'s members prepare meetings, share drafts and follow up on agreed actions.',
    kind: 'working_group', workingGroupCode: 'WG-TIP', access: 'invited',
    moderators: ['staff@demo.hub.example'],
    members: ['coordinator@demo.hub.example', 'official@demo.hub.example', 'somchai@demo.hub.example', 'dewi@demo.hub.example', 'tevita@demo.hub.example'],
    threads: [
      {
        title: 'Draft agenda for the next working group meeting', author: 'staff@demo.hub.example', pinned: true,
        posts: [
          { author: 'staff@demo.hub.example', body: 'Please comment on the draft agenda by Friday. Items so far:\n\n- Online recruitment and scam compounds\n- Victim identification guide, second edition\n- Pacific regional perspectives' },
          { author: 'tevita@demo.hub.example', body: 'Mālō. Could we have a Pacific session early in the day, for colleagues joining online from Nuku\'alofa? @Mere Demo-Coordinator (fictional)' },
          { author: 'coordinator@demo.hub.example', body: 'Agreed — Fiji and Tonga can co-present. ขอบคุณครับ @somchai for the Thai case notes.' },
        ],
      },
    ],
  },
  {
    name: 'Regional dialogue, September 2022: pre-briefing and roundtable follow-up',
    description: 'Questions before the dialogue on the Bali Process 20 years on, and the follow-up to its roundtables.',
    kind: 'event', eventId: DIALOGUE_EVENT_ID, access: 'members', moderators: ['staff@demo.hub.example'],
    threads: [
      {
        title: 'Pre-briefing questions for the roundtable on shared concerns', author: 'staff@demo.hub.example', pinned: true,
        posts: [
          { author: 'staff@demo.hub.example', body: 'Post your questions for the pre-briefing here. The RSO will group them by the ten shared concerns.' },
          { author: 'sokha@demo.hub.example', body: 'How will the dialogue take forward the **technology** concern — online recruitment in particular?' },
          { author: 'official@demo.hub.example', body: 'Câu hỏi: có kế hoạch chia sẻ dữ liệu về các đường dây đưa người di cư trái phép không?' },
        ],
      },
      {
        title: 'Roundtable follow-up: the five RSO priorities', author: 'admin@demo.hub.example',
        posts: [
          { author: 'admin@demo.hub.example', body: 'Following the roundtables, the RSO will report on its five priorities. Members: please add your actions in the outcomes tracker and note them here.' },
          { author: 'dewi@demo.hub.example', body: 'Indonesia will share its updated SOP on victim referral. @Ayu Demo-Admin (fictional), should it go to the library as well?' },
          { author: 'admin@demo.hub.example', body: 'Yes please — as a policy guide, in English and Bahasa Indonesia.' },
        ],
      },
    ],
  },
];

/** The dialogues module's demo data (called by seedDemo, in its transaction, after the events demo). */
export async function seedDialoguesDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  const user = (email: string) => ctx.userIds.get(email) ?? null;
  const event = await trx.selectFrom('events').select('id').where('id', '=', DIALOGUE_EVENT_ID).executeTakeFirst();
  const base = ctx.now.getTime() - 20 * 24 * 3600_000;
  let n = 0;
  let minute = 0;
  const at = () => new Date(base + ++minute * 37 * 60_000).toISOString();
  const counts = { dialogueSpaces: 0, dialogueThreads: 0, dialoguePosts: 0 };
  for (const s of spaces) {
    if (s.kind === 'event' && !event) continue;
    const spaceId = id(++n);
    const created = at();
    await trx.insertInto('dialogue_spaces').values({
      id: spaceId, name: s.name, description: s.description, kind: s.kind, theme_code: s.themeCode ?? null, working_group_code: s.workingGroupCode ?? null,
      event_id: s.eventId ?? null, access: s.access, created_by: user('admin@demo.hub.example'), created_at: created, updated_at: created,
    }).execute();
    counts.dialogueSpaces++;
    const listed = new Map<string, string>();
    for (const m of s.members ?? []) listed.set(m, 'member');
    for (const m of s.moderators) listed.set(m, 'moderator');
    for (const [email, role] of listed) {
      const uid = user(email);
      if (uid) await trx.insertInto('dialogue_space_members').values({ space_id: spaceId, user_id: uid, role, added_by: user('admin@demo.hub.example'), added_at: created }).execute();
    }
    for (const t of s.threads) {
      const threadId = id(++n);
      const first = at();
      const posts = t.posts.map((p) => ({ ...p, id: id(++n), at: at() }));
      const last = posts.at(-1)?.at ?? first;
      await trx.insertInto('dialogue_threads').values({
        id: threadId, space_id: spaceId, title: t.title, author_id: user(t.author), pinned: t.pinned ? 1 : 0, locked: 0, hidden: 0,
        post_count: posts.length, last_post_at: last, created_at: posts[0]?.at ?? first, updated_at: last,
      }).execute();
      counts.dialogueThreads++;
      await dialogueSearchRepository.write(trx, threadId, threadId, tokenize(t.title), TITLE_WEIGHT);
      for (const p of posts) {
        await trx.insertInto('dialogue_posts').values({ id: p.id, thread_id: threadId, author_id: user(p.author), body_source: p.body, body_html: renderMarkdown(p.body), quote_post_id: null, quote_text: null, hidden: 0, created_at: p.at, edited_at: null }).execute();
        await dialogueSearchRepository.write(trx, threadId, p.id, tokenize(p.body), POST_WEIGHT);
        counts.dialoguePosts++;
      }
      const authorId = user(t.author);
      if (authorId) await trx.insertInto('dialogue_follows').values({ user_id: authorId, target_type: 'thread', target_id: threadId, created_at: first }).execute();
    }
  }
  return counts;
}
