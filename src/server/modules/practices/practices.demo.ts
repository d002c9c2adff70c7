import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import { practiceTokens } from './practices.service';
import type { PracticesTable } from './practices.tables';

const id = (n: number) => `00000000-0000-4000-8000-9ac7${String(n).padStart(8, '0')}`;

interface DemoPractice {
  n: number;
  author: string;
  member: string;
  status: 'draft' | 'submitted' | 'changes_requested' | 'published';
  audience?: 'members' | 'public';
  title: string;
  themes: string[];
  languages: string[];
  problem: string;
  action: string;
  results: string;
  evidence: string;
  links?: string[];
  lessons: string;
  contact: string;
  /** Days before now it was submitted (and published, a day later). */
  daysAgo: number;
  review?: string;
}

const practices: DemoPractice[] = [
  {
    n: 1, author: 'somchai@demo.hub.example', member: 'THA', status: 'published', audience: 'public', daysAgo: 120,
    title: 'Port-in, port-out inspections of fishing vessels', themes: ['victim-identification', 'safety-at-sea'], languages: ['en', 'th'],
    problem: 'Crew on long-haul fishing vessels were rarely interviewed away from the captain, so signs of forced labour went unseen.',
    action: 'Multidisciplinary teams (labour, marine police, immigration) interview crew in private at port-in and port-out, with interpreters. ทีมสหวิชาชีพสัมภาษณ์ลูกเรือประมงเป็นการส่วนตัว',
    results: 'More crew members identified as possible victims and referred to shelters; captains now expect the interviews.',
    evidence: 'Inspection centre statistics, summarised yearly.', links: ['https://www.baliprocess.net/'],
    lessons: 'Private interviews and interpreters matter more than checklists. การสัมภาษณ์ผู้เสียหายต้องเป็นส่วนตัว',
    contact: 'Port inspection centre liaison (fictional)',
  },
  {
    n: 2, author: 'dewi@demo.hub.example', member: 'IDN', status: 'published', audience: 'members', daysAgo: 90,
    title: 'Rumah aman: shelter referral for returning migrant workers', themes: ['victim-identification'], languages: ['id', 'en'],
    problem: 'Returning migrant workers who had been exploited were sent home without support.',
    action: 'Airport and seaport desks refer returnees to a shelter network with a single referral form. Formulir rujukan tunggal.',
    results: 'Referrals reach the shelter on the same day in most cases.', evidence: 'Referral register of the desk.',
    lessons: 'One form shared by every agency avoids repeated interviews.', contact: 'Referral desk coordinator (fictional)',
  },
  {
    n: 3, author: 'maria@demo.hub.example', member: 'PHL', status: 'published', audience: 'members', daysAgo: 60,
    title: 'Joint financial investigation of online recruitment scams', themes: ['transnational-crime', 'technology'], languages: ['en'],
    problem: 'Scam compounds recruited workers online; cases stopped at the recruiter.',
    action: 'Police and the financial intelligence unit followed the payments to the organisers.',
    results: 'Accounts frozen and organisers charged in two jurisdictions.', evidence: 'Court records (summaries).',
    lessons: 'Bring the financial intelligence unit in at the start of the case.', contact: 'Anti-trafficking task force (fictional)',
  },
  {
    n: 4, author: 'sokha@demo.hub.example', member: 'KHM', status: 'published', audience: 'members', daysAgo: 45,
    title: 'Screening list for returning fishers in Khmer', themes: ['victim-identification'], languages: ['km', 'en'],
    problem: 'Returning fishers were not screened in their own language.',
    action: 'A short screening list translated into Khmer: តើអ្នកអាចចាកចេញពីកប៉ាល់បានដោយសេរីឬទេ?',
    results: 'Screening at border checkpoints in the person\'s language.', evidence: 'Checkpoint reports.',
    lessons: 'Test translations with survivors before use.', contact: 'Border liaison office (fictional)',
  },
  {
    n: 5, author: 'official@demo.hub.example', member: 'VNM', status: 'submitted', daysAgo: 5,
    title: 'Hotline for workers returning from sea', themes: ['victim-identification', 'migration-flows'], languages: ['vi', 'en'],
    problem: 'Fishers returning to Việt Nam had nowhere to report abuse at sea.',
    action: 'A free hotline run with the labour ministry, answered in Vietnamese and English. Đường dây nóng miễn phí.',
    results: 'Calls lead to referrals and to inspections of the recruiting agencies.', evidence: 'Hotline call log (anonymised).',
    lessons: 'Publicise the number at ports, not only online.', contact: 'Hotline coordinator (fictional)',
  },
  {
    n: 6, author: 'coordinator@demo.hub.example', member: 'FJI', status: 'changes_requested', daysAgo: 12,
    title: 'Community watch for irregular boat arrivals', themes: ['border-management'], languages: ['en'],
    problem: 'Remote islands see boats arrive before the authorities know.', action: 'Village focal points report arrivals by radio.',
    results: 'Faster response.', evidence: 'Radio logs.', lessons: 'Train focal points every year.', contact: 'Maritime surveillance unit (fictional)',
    review: 'Thank you. Could you add how many arrivals were reported and what happened to the people on board?',
  },
  {
    n: 7, author: 'official@demo.hub.example', member: 'VNM', status: 'draft', daysAgo: 1,
    title: 'Pre-departure briefings for seasonal workers', themes: ['migration-flows'], languages: ['vi'],
    problem: 'Seasonal workers leave without knowing their rights.', action: '', results: '', evidence: '', lessons: '', contact: '',
  },
];

/** The practices module's demo data: published (public and Members), submitted, changes requested, a draft. */
export async function seedPracticesDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  const day = 24 * 3600 * 1000;
  const staff = ctx.userIds.get('staff@demo.hub.example') ?? null;
  let count = 0;
  for (const p of practices) {
    const submitterId = ctx.userIds.get(p.author) ?? null;
    const submitted = new Date(ctx.now.getTime() - p.daysAgo * day).toISOString();
    const published = p.status === 'published' ? new Date(ctx.now.getTime() - (p.daysAgo - 1) * day).toISOString() : null;
    const row: PracticesTable = {
      id: id(p.n), title: p.title, member_code: p.member, themes: JSON.stringify(p.themes), languages: JSON.stringify(p.languages),
      problem: p.problem, action: p.action, results: p.results, evidence: p.evidence, evidence_links: JSON.stringify(p.links ?? []), lessons: p.lessons,
      contact: p.contact, contact_person_id: null, status: p.status, audience: p.audience ?? null, submitter_id: submitterId,
      submitted_at: p.status === 'draft' ? null : submitted, published_at: published,
      created_at: new Date(ctx.now.getTime() - (p.daysAgo + 2) * day).toISOString(), updated_at: published ?? submitted,
    };
    await trx.insertInto('practices').values(row).execute();
    const tokens = [...practiceTokens(row)].map(([token, weight]) => ({ practice_id: row.id, token, weight }));
    if (tokens.length) await trx.insertInto('practice_tokens').values(tokens).execute();
    if (p.review) {
      await trx.insertInto('practice_comments').values({ id: id(100 + p.n), practice_id: row.id, author_id: staff, step: 'changes_requested', body: p.review, created_at: submitted }).execute();
    }
    count++;
  }
  return { practices: count };
}
