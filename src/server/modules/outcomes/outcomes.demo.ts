import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import type { ActionsTable, ActionUpdatesTable } from './outcomes.tables';

/** The September 2022 dialogue (the events demo creates it). */
const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
const DAY = 86_400_000;

/** Fixed ids, so the demo is the same on every laptop: 00000000-0000-4000-87<kind>-<n>. */
const demoId = (kind: number, n: number) => `00000000-0000-4000-87${String(kind).padStart(2, '0')}-${String(0).padStart(4, '0')}${String(n).padStart(8, '0')}`;

interface Plan {
  text: string;
  owner: [string, string];
  dueInDays: number | null;
  status: string;
  progress: number;
  themes: string[];
  priorities: string[];
  updates: { daysAgo: number; text: string; progress?: number; status?: string; url?: string; note?: string }[];
}

/** The five RSO priorities the dialogue agreed (source document, "where we prioritise efforts"), as RSO-owned actions. */
const priorityPlans: Plan[] = [
  {
    text: 'Establish a central secretariat hub for coordination for Bali Process Members and Working Groups, to improve communication on Bali Process activities and meeting outcomes.',
    owner: ['rso', 'RSO'], dueInDays: 90, status: 'in_progress', progress: 60, themes: [], priorities: ['secretariat-hub'],
    updates: [
      { daysAgo: 200, text: 'Requirements gathered from Members at the Ad Hoc Group meeting.', progress: 20, status: 'in_progress', note: 'Summary of Member feedback (demo)' },
      { daysAgo: 40, text: 'The hub pilot is open to Member coordinators: directory, events and outcomes tracker.', progress: 60, url: 'https://www.baliprocess.net/regional-support-office/', note: 'RSO page (public)' },
    ],
  },
  {
    text: 'Coordinate with researchers to facilitate country- and sub-region-specific studies designed to tailor support for Bali Process Member States.',
    owner: ['rso', 'RSO'], dueInDays: 180, status: 'agreed', progress: 15, themes: ['emerging-trends'], priorities: ['research-coordination'],
    updates: [{ daysAgo: 120, text: 'Terms of reference for a research network drafted.', progress: 15 }],
  },
  {
    text: 'Implement stakeholder mapping among Bali Process Member and Observer agencies to establish and maintain an accurate record of focal points.',
    owner: ['rso', 'RSO'], dueInDays: 30, status: 'in_progress', progress: 75, themes: ['border-management', 'transnational-crime'], priorities: ['stakeholder-mapping'],
    updates: [
      { daysAgo: 300, text: 'Focal point survey sent to all Members.', progress: 30, status: 'in_progress' },
      { daysAgo: 60, text: 'Directory of focal points live, with confirmation reminders every six months.', progress: 75, note: 'Directory in the hub' },
    ],
  },
  {
    text: 'Optimise the use of an online platform for the exchange of best practices, thematic dialogues, roundtables, capacity building and pre-briefing meetings with Members.',
    owner: ['rso', 'RSO'], dueInDays: 120, status: 'in_progress', progress: 40, themes: ['technology'], priorities: ['online-platform'],
    updates: [{ daysAgo: 90, text: 'Online pre-briefings trialled before the senior officials meeting.', progress: 40, status: 'in_progress' }],
  },
  {
    text: 'Collaborate more closely with Member States to develop strategic relationships, including the secondment of officials and the launch of an alumni network.',
    owner: ['rso', 'RSO'], dueInDays: null, status: 'done', progress: 100, themes: [], priorities: ['member-relations'],
    updates: [{ daysAgo: 365, text: 'The RSO Alumni Network was launched in November 2023; secondments continue.', progress: 100, status: 'done', url: 'https://www.baliprocess.net/', note: 'Bali Process website' }],
  },
];

/** A few Member-owned actions (Fiji and Tonga among them, so the demo coordinator owns some; one overdue). */
const memberPlans: Plan[] = [
  { text: 'Fiji to share its experience of border management system upgrades with Pacific Members.', owner: ['member', 'FJI'], dueInDays: -12, status: 'agreed', progress: 10, themes: ['border-management'], priorities: ['online-platform'], updates: [] },
  { text: 'Tonga to nominate a focal point on safety of life at sea for the directory.', owner: ['member', 'TON'], dueInDays: 5, status: 'in_progress', progress: 50, themes: ['safety-at-sea'], priorities: ['stakeholder-mapping'], updates: [{ daysAgo: 20, text: 'Candidate identified in the Ministry of Police.', progress: 50, status: 'in_progress' }] },
  { text: 'Thailand to host a sub-regional roundtable on changing patterns of trafficking in persons.', owner: ['member', 'THA'], dueInDays: 75, status: 'agreed', progress: 0, themes: ['trafficking-patterns'], priorities: [], updates: [] },
  { text: 'Indonesia to present findings on technology as a facilitator of smuggling at the next dialogue.', owner: ['member', 'IDN'], dueInDays: 40, status: 'in_progress', progress: 30, themes: ['technology'], priorities: ['research-coordination'], updates: [] },
  { text: 'Working Group on Trafficking in Persons to circulate the victim identification practitioner guide to all Members.', owner: ['working_group', 'WG-TIP'], dueInDays: -40, status: 'done', progress: 100, themes: ['victim-identification'], priorities: [], updates: [] },
];

/**
 * The outcomes module's demo data (called by seedDemo, in its transaction, after events and papers): the five RSO
 * priorities as tracked actions on the September 2022 dialogue, and Member-owned actions on the later meetings
 * of the same series. Nothing is added when the events demo has no dialogue.
 */
export async function seedOutcomesDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  const series = await trx.selectFrom('events').select(['id', 'start_date']).where('series', '=', 'regional-dialogue').where('status', '=', 'published').orderBy('starts_at').execute();
  if (!series.some((e) => e.id === DIALOGUE_ID)) return {};
  const now = ctx.now.getTime();
  const today = ctx.now.toISOString().slice(0, 10);
  // Member actions hang on the later dialogues that have taken place (the 2022 one if none has yet).
  const past = series.filter((e) => e.id !== DIALOGUE_ID && e.start_date < today).map((e) => e.id);
  const admin = ctx.userIds.get('admin@demo.hub.example') ?? null;
  const staff = ctx.userIds.get('staff@demo.hub.example') ?? admin;
  const coordinator = ctx.userIds.get('coordinator@demo.hub.example') ?? staff;
  const dialogue = await trx.selectFrom('events').select('ends_at').where('id', '=', DIALOGUE_ID).executeTakeFirstOrThrow();

  const actions: ActionsTable[] = [];
  const themes: { action_id: string; theme_code: string }[] = [];
  const priorities: { action_id: string; priority_code: string }[] = [];
  const updates: ActionUpdatesTable[] = [];
  let n = 0;
  let u = 0;
  const add = (plan: Plan, eventId: string, createdAt: string) => {
    const id = demoId(1, ++n);
    const updatedAt = plan.updates.length ? new Date(now - Math.min(...plan.updates.map((x) => x.daysAgo)) * DAY).toISOString() : createdAt;
    actions.push({
      id, event_id: eventId, text: plan.text, owner_kind: plan.owner[0], owner_code: plan.owner[1], due_date: plan.dueInDays === null ? null : new Date(now + plan.dueInDays * DAY).toISOString().slice(0, 10),
      status: plan.status, progress: plan.progress, created_by: admin, created_at: createdAt, updated_at: updatedAt,
    });
    for (const t of plan.themes) themes.push({ action_id: id, theme_code: t });
    for (const p of plan.priorities) priorities.push({ action_id: id, priority_code: p });
    let status = 'agreed';
    for (const up of [...plan.updates].sort((a, b) => b.daysAgo - a.daysAgo)) {
      const at = new Date(now - up.daysAgo * DAY).toISOString();
      const changed = up.status && up.status !== status;
      updates.push({
        id: demoId(2, ++u), action_id: id, dated: at.slice(0, 10), text: up.text, progress: up.progress ?? null, status_from: changed ? status : null, status_to: changed ? (up.status ?? null) : null,
        evidence_url: up.url ?? null, evidence_note: up.note ?? null, author_id: plan.owner[0] === 'member' ? coordinator : staff, created_at: at,
      });
      if (up.status) status = up.status;
    }
  };
  for (const plan of priorityPlans) add(plan, DIALOGUE_ID, dialogue.ends_at);
  memberPlans.forEach((plan, i) => add(plan, past.length ? (past[i % past.length] ?? DIALOGUE_ID) : DIALOGUE_ID, new Date(now - (60 + i) * DAY).toISOString()));

  await trx.insertInto('actions').values(actions).execute();
  await trx.insertInto('action_themes').values(themes).execute();
  await trx.insertInto('action_priorities').values(priorities).execute();
  await trx.insertInto('action_updates').values(updates).execute();
  return { actions: actions.length, actionUpdates: updates.length };
}
