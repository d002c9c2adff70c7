import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import type { EventBreakoutsTable, EventInvitationsTable, EventParticipantsTable, EventSessionSpeakersTable, EventSessionsTable, EventsTable, GuestSpeakersTable } from './events.tables';
import { eventSpan, zonedToUtc } from './zoned-time';

/** The Regional Dialogue of 7–8 September 2022 (agreed id: papers and outcomes refer to it). */
export const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';

/**
 * The 13 Members whose officials took part (source document: "Participants—hailing from Cambodia, Hong Kong,
 * India, Indonesia, Laos, Malaysia, Maldives, Mongolia, Palau, Philippines, Sri Lanka, Thailand, and Vietnam"),
 * grouped by UN M49 sub-region for the small groups "centred geographically".
 */
export const dialogueMembers = ['KHM', 'HKG', 'IND', 'IDN', 'LAO', 'MYS', 'MDV', 'MNG', 'PLW', 'PHL', 'LKA', 'THA', 'VNM'] as const;
const dialogueGroups: { name: string; description: string; members: readonly string[] }[] = [
  { name: 'South-eastern Asia', description: 'Cambodia, Indonesia, Lao PDR, Malaysia, the Philippines, Thailand and Viet Nam.', members: ['KHM', 'IDN', 'LAO', 'MYS', 'PHL', 'THA', 'VNM'] },
  { name: 'Southern Asia', description: 'India, Maldives and Sri Lanka.', members: ['IND', 'MDV', 'LKA'] },
  { name: 'Eastern Asia and the Pacific', description: 'Hong Kong SAR, Mongolia and Palau.', members: ['HKG', 'MNG', 'PLW'] },
];
const allThemes = ['border-management', 'trafficking-patterns', 'migration-flows', 'technology', 'transnational-crime', 'victim-identification', 'safety-at-sea', 'emerging-trends', 'corruption', 'justice-sector'];

/** Deterministic ids: the same demo gives the same rows. */
function demoId(kind: number, n: number): string {
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
}

/** A small deterministic PRNG (mulberry32), so the fictional year of events is the same at every seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rows {
  events: EventsTable[];
  sessions: EventSessionsTable[];
  speakers: EventSessionSpeakersTable[];
  guests: GuestSpeakersTable[];
  invitations: EventInvitationsTable[];
  participants: EventParticipantsTable[];
  breakouts: EventBreakoutsTable[];
  members: { breakout_id: string; participant_id: string; event_id: string }[];
}

/** The events module's demo data (called by seedDemo, in its transaction, after the directory demo). */
export async function seedEventsDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  const stamp = ctx.now.toISOString();
  const admin = ctx.userIds.get('admin@demo.hub.example') ?? null;
  const rows: Rows = { events: [], sessions: [], speakers: [], guests: [], invitations: [], participants: [], breakouts: [], members: [] };
  let seq = 0;
  const next = (kind: number) => demoId(kind, ++seq);

  const event = (e: Omit<EventsTable, 'starts_at' | 'ends_at' | 'created_by' | 'created_at' | 'updated_at' | 'title_local' | 'capacity' | 'online_url'> & Partial<Pick<EventsTable, 'title_local' | 'capacity' | 'online_url'>>): EventsTable => {
    const span = eventSpan(e.start_date, e.end_date, e.time_zone);
    const row: EventsTable = { title_local: null, capacity: null, online_url: null, ...e, starts_at: span.startsAt, ends_at: span.endsAt, created_by: admin, created_at: stamp, updated_at: stamp };
    rows.events.push(row);
    return row;
  };
  const session = (e: EventsTable, date: string, start: string, end: string, title: string, o: { description?: string; room?: string; speakers?: { guest?: string; person?: string; role: string }[] } = {}): EventSessionsTable => {
    const s: EventSessionsTable = {
      id: next(2), event_id: e.id, title, description: o.description ?? null, starts_at: zonedToUtc(date, start, e.time_zone).toISOString(), ends_at: zonedToUtc(date, end, e.time_zone).toISOString(),
      room: o.room ?? null, online_url: e.format === 'in_person' ? null : (e.online_url ?? null), created_at: stamp, updated_at: stamp,
    };
    rows.sessions.push(s);
    (o.speakers ?? []).forEach((sp, i) => rows.speakers.push({ id: next(3), session_id: s.id, event_id: e.id, person_id: sp.person ?? null, guest_speaker_id: sp.guest ?? null, role: sp.role, sort_order: i }));
    return s;
  };
  const guest = (name: string, title: string, organisation: string, bio: string): string => {
    const id = next(4);
    rows.guests.push({ id, name, title, organisation, bio, created_by: admin, created_at: stamp, updated_at: stamp });
    return id;
  };

  // ---- The Regional Dialogue, 7–8 September 2022 (Bali Process 20 years on; RSO 10 years on) ----------------
  const dialogue = event({
    id: DIALOGUE_ID, slug: 'regional-dialogue-2022-09',
    title: 'Shared lessons and progress in tackling irregular migration in the Asia Pacific: the Bali Process 20 years on',
    summary:
      'Two days marking the 20th anniversary of the Bali Process and the 10th of the Regional Support Office. Delegates from 13 Members reflected on learning and progress, heard from experts on victim identification and protection, worked in small groups by sub-region on shared concerns, and took part in a training course built on the RSO and NEXUS Institute Practitioner Guide on Trafficking Victim Identification. They agreed priority areas and described where the RSO should focus its support.',
    type: 'thematic_dialogue', format: 'in_person', place: 'Bangkok, Thailand', time_zone: 'Asia/Bangkok', start_date: '2022-09-07', end_date: '2022-09-08',
    visibility: 'members', status: 'published', working_group_code: null, series: 'regional-dialogue', themes: JSON.stringify(allThemes), capacity: 40,
  });
  const sukmo = guest('Pak Sukmo Yuwono', 'Co-manager', 'Regional Support Office of the Bali Process (Indonesia)', 'Co-manager of the RSO for Indonesia.');
  const scott = guest('David Scott', 'Co-manager', 'Regional Support Office of the Bali Process (Australia)', 'Co-manager of the RSO for Australia.');
  const park = guest('Dr Borah Park', 'Research Fellow', 'Institute for National Security Strategy, Seoul', 'Researches the common characteristics that may signal that someone is a victim of trafficking.');
  const jasperse = guest('Marieke Jasperse', 'Senior Advisor, Trafficking in Persons', 'Immigration New Zealand', 'Advises on trafficking investigations and trauma-informed approaches to victims.');
  const d1 = '2022-09-07';
  const d2 = '2022-09-08';
  const plenary = 'Plenary room';
  session(dialogue, d1, '09:00', '09:30', 'Opening: 20 years of the Bali Process, 10 years of the RSO', { room: plenary, speakers: [{ guest: sukmo, role: 'speaker' }, { guest: scott, role: 'speaker' }] });
  session(dialogue, d1, '09:30', '10:30', 'Building on progress: 20 years on', { room: plenary, description: 'Delegates from law and human rights, immigration, national security and defence, business and employment, and the Member UN bodies share practical initiatives, resources and tools developed with the support of the RSO.', speakers: [{ guest: scott, role: 'moderator' }] });
  session(dialogue, d1, '10:45', '12:00', 'Recognising victims of trafficking: common characteristics', { room: plenary, speakers: [{ guest: park, role: 'speaker' }] });
  session(dialogue, d1, '13:00', '14:15', 'Trauma-informed approaches in trafficking investigations', { room: plenary, description: '“How those who work with victims talk about them has significant implications for how others think about them and how victims think about themselves.”', speakers: [{ guest: jasperse, role: 'speaker' }] });
  const groups1 = session(dialogue, d1, '14:30', '16:30', 'Small groups by sub-region: the main issues and priorities facing the region', { description: 'Each group discusses the shared concerns, from border management systems to safety of life at sea, technology and corruption as facilitators, and the justice sector.' });
  session(dialogue, d2, '09:00', '12:00', 'Training course: Trafficking Victim Identification (RSO and NEXUS Institute Practitioner Guide)', { room: plenary, description: 'Developed and facilitated by the RSO on the first guide of the series on victim protection and assistance: legal obligations, key concepts, challenges, guidance and exercises.' });
  const groups2 = session(dialogue, d2, '13:00', '14:30', 'Small groups: where the RSO could focus its support', { description: 'Capacity building and effectiveness of response across the region, to inform the RSO’s forward work plan.' });
  session(dialogue, d2, '14:45', '15:45', 'Report back: shared concerns and priority areas', { room: plenary, speakers: [{ guest: sukmo, role: 'moderator' }] });
  session(dialogue, d2, '15:45', '16:15', 'Closing and next steps', { room: plenary, speakers: [{ guest: sukmo, role: 'speaker' }, { guest: scott, role: 'speaker' }] });
  for (const code of dialogueMembers) rows.invitations.push({ id: next(5), event_id: DIALOGUE_ID, member_code: code, agency_id: null, user_id: null, quota: 3, created_at: stamp });

  // Two fictional delegates per Member; the demo officials of invited Members take part under their own names.
  const members = await trx.selectFrom('members').select(['code', 'name']).where('code', 'in', [...dialogueMembers]).execute();
  const memberName = new Map(members.map((m) => [m.code, m.name]));
  const accounts = await trx.selectFrom('users').innerJoin('user_member_scopes', 'user_member_scopes.user_id', 'users.id').select(['users.id', 'users.display_name', 'users.email', 'user_member_scopes.member_code']).where('users.role', '=', 'official').where('user_member_scopes.member_code', 'in', [...dialogueMembers]).orderBy('users.email').execute();
  const given = ['Arun', 'Bopha', 'Chanthy', 'Dara', 'Erlan', 'Farah', 'Gita', 'Hiran', 'Indra', 'Jun', 'Kalani', 'Lakmal', 'Mai', 'Nimal', 'Oyun', 'Phuong', 'Rizal', 'Sanjay', 'Tuya', 'Vanna', 'Wira', 'Yasmin', 'Zaid', 'Aminath', 'Bayar', 'Malia'];
  const byMember = new Map<string, string[]>();
  dialogueMembers.forEach((code, i) => {
    const account = accounts.find((a) => a.member_code === code);
    const people = account
      ? [{ name: account.display_name.replace(/ \(fictional\)$/, ''), user: account.id, email: account.email }, { name: `${given[(i * 2 + 1) % given.length] ?? 'Delegate'} Delegate (fictional)`, user: null, email: null }]
      : [0, 1].map((k) => ({ name: `${given[(i * 2 + k) % given.length] ?? 'Delegate'} Delegate (fictional)`, user: null, email: null }));
    const ids: string[] = [];
    people.forEach((p, k) => {
      const id = next(6);
      ids.push(id);
      rows.participants.push({
        id, event_id: DIALOGUE_ID, user_id: p.user, person_id: null, name: p.name, email: p.email, organisation: `${memberName.get(code) ?? code} delegation`, member_code: code,
        status: 'registered', nominated_by: null, decided_by: admin, decided_at: '2022-08-20T03:00:00.000Z', registered_at: '2022-08-25T03:00:00.000Z',
        // Most agreed to appear on the participant list; one in five did not.
        consent_listed: (i + k) % 5 === 4 ? 0 : 1, checked_in_at: '2022-09-07T01:30:00.000Z', created_at: stamp, updated_at: stamp,
      });
    });
    byMember.set(code, ids);
  });
  dialogueGroups.forEach((g, i) => {
    for (const [sort, sessionRow] of [groups1, groups2].entries()) {
      const id = next(7);
      rows.breakouts.push({ id, event_id: DIALOGUE_ID, name: sort === 0 ? g.name : `${g.name} (day 2)`, description: g.description, session_id: sessionRow.id, sort_order: i * 2 + sort + 1, created_at: stamp, updated_at: stamp });
      for (const code of g.members) for (const p of byMember.get(code) ?? []) rows.members.push({ breakout_id: id, participant_id: p, event_id: DIALOGUE_ID });
    }
  });

  // ---- About a year of other (fictional) events, past and upcoming, around "now" ------------------------------
  const directorySpeakers = (await trx.selectFrom('people').select('id').where('user_id', 'is not', null).orderBy('name_latin').orderBy('id').limit(6).execute()).map((p) => p.id);
  const rnd = prng(2022);
  const base = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), 1));
  const plans: { type: EventsTable['type']; title: string; wg: string | null; series: string | null; visibility: string; format: string; zone: string; place: string | null; days: number; themes: string[] }[] = [
    { type: 'working_group_meeting', title: 'Working Group on Trafficking in Persons meeting', wg: 'WG-TIP', series: 'wg-tip', visibility: 'members', format: 'hybrid', zone: 'Asia/Jakarta', place: 'Jakarta, Indonesia', days: 2, themes: ['victim-identification', 'trafficking-patterns'] },
    { type: 'webinar', title: 'Webinar: technology as a facilitator of smuggling and trafficking', wg: null, series: 'rso-webinars', visibility: 'public', format: 'online', zone: 'Asia/Bangkok', place: null, days: 1, themes: ['technology'] },
    { type: 'working_group_meeting', title: 'Working Group on Disruption of Criminal Networks: Joint Period of Action planning', wg: 'WG-DCN', series: 'wg-dcn', visibility: 'invited', format: 'hybrid', zone: 'Pacific/Auckland', place: 'Wellington, New Zealand', days: 2, themes: ['transnational-crime', 'corruption'] },
    { type: 'roundtable', title: 'Roundtable on safety of life at sea', wg: null, series: null, visibility: 'members', format: 'in_person', zone: 'Asia/Manila', place: 'Manila, Philippines', days: 1, themes: ['safety-at-sea'] },
    { type: 'training_course', title: 'Training course: protection and support for victims of trafficking', wg: 'WG-TIP', series: 'practitioner-guides', visibility: 'invited', format: 'in_person', zone: 'Asia/Bangkok', place: 'Bangkok, Thailand', days: 3, themes: ['victim-identification', 'justice-sector'] },
    { type: 'thematic_dialogue', title: 'Regional Dialogue: emerging trends of irregular migration', wg: null, series: 'regional-dialogue', visibility: 'members', format: 'hybrid', zone: 'Asia/Bangkok', place: 'Bangkok, Thailand', days: 2, themes: ['emerging-trends', 'migration-flows'] },
    { type: 'senior_officials', title: 'Ad Hoc Group Senior Officials Meeting', wg: 'AHG', series: 'ahg-sog', visibility: 'invited', format: 'in_person', zone: 'Australia/Sydney', place: 'Sydney, Australia', days: 1, themes: ['border-management'] },
    { type: 'pre_briefing', title: 'Pre-briefing for the Ad Hoc Group Senior Officials Meeting', wg: 'AHG', series: 'ahg-sog', visibility: 'invited', format: 'online', zone: 'Asia/Bangkok', place: null, days: 1, themes: ['border-management'] },
    { type: 'working_group_meeting', title: 'Technical Experts Group on Returns and Reintegration', wg: 'TEG-RR', series: 'teg-rr', visibility: 'members', format: 'online', zone: 'Asia/Manila', place: null, days: 1, themes: ['migration-flows'] },
    { type: 'webinar', title: 'Webinar: fraudulent documents and identity fraud', wg: null, series: 'rso-webinars', visibility: 'public', format: 'online', zone: 'Asia/Kuala_Lumpur', place: null, days: 1, themes: ['transnational-crime'] },
    { type: 'roundtable', title: 'Government and Business Forum roundtable on ethical recruitment', wg: 'GABF', series: 'gabf', visibility: 'public', format: 'hybrid', zone: 'Asia/Singapore', place: 'Singapore', days: 1, themes: ['migration-flows', 'corruption'] },
    { type: 'ministerial_conference', title: 'Bali Process Ministerial Conference', wg: 'MIN', series: 'ministerial', visibility: 'public', format: 'in_person', zone: 'Asia/Makassar', place: 'Bali, Indonesia', days: 2, themes: allThemes },
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  let k = 0;
  for (let month = -6; month <= 6; month++) {
    const perMonth = month === 0 ? 4 : 3;
    for (let j = 0; j < perMonth; j++, k++) {
      const plan = plans[k % plans.length];
      if (!plan) continue;
      const first = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + month, 1));
      const day = 2 + Math.floor(rnd() * 24);
      const start = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day));
      const end = new Date(start.getTime() + (plan.days - 1) * 86_400_000);
      const startDate = start.toISOString().slice(0, 10);
      const endDate = end.toISOString().slice(0, 10);
      const label = `${start.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${start.getUTCFullYear()}`;
      const id = demoId(1, k + 1);
      // Far-off events are still drafts; one in nine past ones was cancelled.
      const status = month >= 5 && j === 2 ? 'draft' : month < 0 && k % 9 === 4 ? 'cancelled' : 'published';
      const e = event({
        id, slug: `${plan.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 70)}-${startDate.slice(0, 7)}-${pad(k + 1)}`,
        title: `${plan.title}, ${label}`, summary: `A fictional ${plan.type.replace(/_/g, ' ')} for the demo.`, type: plan.type, format: plan.format,
        place: plan.place, online_url: plan.format === 'in_person' ? null : `https://meet.demo.hub.example/${id.slice(-6)}`, time_zone: plan.zone,
        start_date: startDate, end_date: endDate, visibility: plan.visibility, status, working_group_code: plan.wg, series: plan.series, themes: JSON.stringify(plan.themes),
        capacity: plan.visibility === 'public' ? 200 : 60,
      });
      for (let d = 0; d < plan.days; d++) {
        const date = new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
        const speaker = directorySpeakers[(k + d) % Math.max(1, directorySpeakers.length)];
        session(e, date, '09:00', '10:30', d === 0 ? 'Opening and adoption of the agenda' : `Day ${d + 1}: updates from Members`, { ...(plan.format === 'online' ? {} : { room: 'Main room' }), speakers: speaker ? [{ person: speaker, role: d === 0 ? 'chair' : 'speaker' }] : [] });
        session(e, date, '11:00', '12:30', d === plan.days - 1 ? 'Conclusions and next steps' : 'Thematic discussion', {});
      }
      if (plan.visibility === 'invited') {
        // Invited-only events: a few Members (THA and FJI among them, so the demo coordinator and officials see some), and the demo official by name.
        const invited = ['THA', 'FJI', 'IDN', 'AUS', 'NZL', 'VNM'].filter((_, i) => (i + k) % 2 === 0);
        for (const code of invited) rows.invitations.push({ id: next(5), event_id: id, member_code: code, agency_id: null, user_id: null, quota: 2, created_at: stamp });
      }
    }
  }

  const chunks = async <T>(list: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 200) if (list.slice(i, i + 200).length > 0) await insert(list.slice(i, i + 200));
  };
  await chunks(rows.events, (c) => trx.insertInto('events').values(c).execute());
  await chunks(rows.guests, (c) => trx.insertInto('guest_speakers').values(c).execute());
  await chunks(rows.sessions, (c) => trx.insertInto('event_sessions').values(c).execute());
  await chunks(rows.speakers, (c) => trx.insertInto('event_session_speakers').values(c).execute());
  await chunks(rows.invitations, (c) => trx.insertInto('event_invitations').values(c).execute());
  await chunks(rows.participants, (c) => trx.insertInto('event_participants').values(c).execute());
  await chunks(rows.breakouts, (c) => trx.insertInto('event_breakouts').values(c).execute());
  await chunks(rows.members, (c) => trx.insertInto('event_breakout_members').values(c).execute());
  return {
    events: rows.events.length, eventSessions: rows.sessions.length, guestSpeakers: rows.guests.length, eventInvitations: rows.invitations.length,
    eventParticipants: rows.participants.length, eventBreakouts: rows.breakouts.length,
  };
}
