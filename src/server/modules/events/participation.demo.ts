import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import type { EventInvitationsTable, EventParticipantsTable } from './events.tables';
import { eventSpan } from './zoned-time';

/** The September 2022 dialogue (created by the events demo, which runs first). */
const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
/** The 13 Members that took part in the dialogue (as in the events demo). */
const dialogueMembers = ['KHM', 'HKG', 'IND', 'IDN', 'LAO', 'MYS', 'MDV', 'MNG', 'PLW', 'PHL', 'LKA', 'THA', 'VNM'] as const;
/** An upcoming Pacific roundtable with pending nominations from the demo coordinator (Fiji and Tonga). */
export const PACIFIC_ROUNDTABLE_ID = '00000000-0000-4000-8040-000000000001';

function demoId(kind: number, n: number): string {
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
}

const fallbackNames = ['Anan', 'Bunthoeun', 'Citra', 'Dilnoza', 'Enkhjin', 'Fathimath', 'Gaurav', 'Hoang', 'Ikaika', 'Jasmin', 'Kesang', 'Luz'];

/**
 * Participation demo data, called after the events demo (it fills events that demo creates) and before the
 * papers demo (whose participant list is generated from registrations):
 * - the September 2022 dialogue gets 60 registered participants from its 13 invited Members (quota 5 each): people
 *   from the directory where the Member has enough, a mix of consent to be listed, most checked in;
 * - an upcoming invited-only Pacific roundtable (Suva, three weeks from now, 30 places) with Fiji, Tonga and other
 *   Pacific Members invited, pending nominations from coordinator@demo.hub.example, one approved nominee (the
 *   Tongan demo official, who can register) and registered delegates of other Members.
 */
export async function seedParticipationDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  // Once only: a second call (seed run again) leaves the rows as they are.
  if (await trx.selectFrom('events').select('id').where('id', '=', PACIFIC_ROUNDTABLE_ID).executeTakeFirst()) return {};
  const stamp = ctx.now.toISOString();
  const admin = ctx.userIds.get('admin@demo.hub.example') ?? null;
  const coordinator = ctx.userIds.get('coordinator@demo.hub.example') ?? null;
  let seq = 0;
  const next = () => demoId(0x41, ++seq);
  const participants: EventParticipantsTable[] = [];
  const invitations: EventInvitationsTable[] = [];
  const memberNames = new Map((await trx.selectFrom('members').select(['code', 'name']).execute()).map((m) => [m.code, m.name]));

  /** Directory people holding a position in the Member's agencies, with their agency (deterministic order). */
  const directoryPeople = async (member: string, limit: number) =>
    trx
      .selectFrom('position_holders')
      .innerJoin('positions', 'positions.id', 'position_holders.position_id')
      .innerJoin('agencies', 'agencies.id', 'positions.agency_id')
      .innerJoin('people', 'people.id', 'position_holders.person_id')
      .select(['people.id', 'people.name_latin', 'people.user_id', 'agencies.name_en'])
      .where('agencies.member_code', '=', member)
      .where('position_holders.end_date', 'is', null)
      .orderBy('people.name_latin')
      .orderBy('people.id')
      .limit(limit)
      .execute();

  // ---- The dialogue: 60 participants ----
  const dialogue = await trx.selectFrom('events').select(['id']).where('id', '=', DIALOGUE_ID).executeTakeFirst();
  let dialogueAdded = 0;
  if (dialogue) {
    await trx.updateTable('event_invitations').set({ quota: 5 }).where('event_id', '=', DIALOGUE_ID).where('member_code', 'in', [...dialogueMembers]).where('agency_id', 'is', null).execute();
    const existing = await trx.selectFrom('event_participants').select(['member_code', 'person_id', 'user_id']).where('event_id', '=', DIALOGUE_ID).execute();
    const perMember = new Map<string, number>();
    for (const e of existing) if (e.member_code) perMember.set(e.member_code, (perMember.get(e.member_code) ?? 0) + 1);
    const taken = new Set(existing.flatMap((e) => [e.person_id, e.user_id]).filter((x): x is string => !!x));
    const wanted = Math.max(0, 60 - existing.length);
    const pool = new Map<string, { id: string | null; name: string; agency: string | null }[]>();
    for (const code of dialogueMembers) {
      const people = (await directoryPeople(code, 8)).filter((p) => !taken.has(p.id) && !(p.user_id && taken.has(p.user_id)));
      pool.set(code, people.map((p) => ({ id: p.id, name: p.name_latin, agency: p.name_en })));
    }
    for (let i = 0, round = 0; dialogueAdded < wanted && round < 10; round++) {
      for (const code of dialogueMembers) {
        if (dialogueAdded >= wanted) break;
        if ((perMember.get(code) ?? 0) >= 5) continue;
        const person = pool.get(code)?.shift() ?? { id: null, name: `${fallbackNames[i % fallbackNames.length] ?? 'Delegate'} Participant (fictional)`, agency: null };
        const n = i++;
        participants.push({
          id: next(), event_id: DIALOGUE_ID, user_id: null, person_id: person.id, name: person.name, email: null,
          organisation: person.agency ?? `${memberNames.get(code) ?? code} delegation`, member_code: code, status: 'registered',
          nominated_by: null, decided_by: admin, decided_at: '2022-08-22T03:00:00.000Z', registered_at: '2022-08-29T03:00:00.000Z',
          // About three in four agreed to be listed; most were checked in on the first morning, a few on the second.
          consent_listed: n % 4 === 3 ? 0 : 1,
          checked_in_at: n % 9 === 8 ? null : n % 7 === 6 ? '2022-09-08T01:40:00.000Z' : '2022-09-07T01:35:00.000Z',
          created_at: stamp, updated_at: stamp,
        });
        perMember.set(code, (perMember.get(code) ?? 0) + 1);
        dialogueAdded++;
      }
    }
  }

  // ---- An upcoming Pacific roundtable, invited only, with nominations waiting ----
  const start = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate() + 21));
  const startDate = start.toISOString().slice(0, 10);
  const endDate = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10);
  const span = eventSpan(startDate, endDate, 'Pacific/Fiji');
  await trx.insertInto('events').values({
    id: PACIFIC_ROUNDTABLE_ID, slug: `pacific-roundtable-safety-at-sea-${startDate.slice(0, 7)}`,
    title: 'Pacific roundtable on safety of life at sea and smuggling by sea', title_local: null,
    summary: 'A fictional roundtable for the demo: Pacific Members compare search and rescue arrangements and responses to smuggling by sea.',
    type: 'roundtable', format: 'in_person', place: 'Suva, Fiji', online_url: null, time_zone: 'Pacific/Fiji', start_date: startDate, end_date: endDate,
    starts_at: span.startsAt, ends_at: span.endsAt, visibility: 'invited', status: 'published', working_group_code: null, series: 'pacific-roundtable',
    themes: JSON.stringify(['safety-at-sea', 'migration-flows']), capacity: 30, created_by: admin, created_at: stamp, updated_at: stamp,
  }).execute();
  const pacific: [string, number][] = [['FJI', 5], ['TON', 3], ['PNG', 3], ['SLB', 3], ['VUT', 3], ['WSM', 2], ['AUS', 2], ['NZL', 2]];
  for (const [code, quota] of pacific) {
    if (memberNames.has(code)) invitations.push({ id: next(), event_id: PACIFIC_ROUNDTABLE_ID, member_code: code, agency_id: null, user_id: null, quota, created_at: stamp });
  }
  const base = { event_id: PACIFIC_ROUNDTABLE_ID, checked_in_at: null, created_at: stamp, updated_at: stamp };
  const nominee = (o: Partial<EventParticipantsTable> & Pick<EventParticipantsTable, 'name' | 'member_code' | 'status'>): EventParticipantsTable => ({
    id: next(), user_id: null, person_id: null, email: null, organisation: `${memberNames.get(o.member_code ?? '') ?? ''} delegation`, nominated_by: coordinator,
    decided_by: null, decided_at: null, registered_at: null, consent_listed: 0, ...base, ...o,
  });
  // Waiting for the secretariat: two from Fiji, one from Tonga (directory people where there are some).
  const fijians = await directoryPeople('FJI', 2);
  const tongans = await directoryPeople('TON', 1);
  participants.push(
    nominee({ name: fijians[0]?.name_latin ?? 'Salote Tuilagi (fictional)', person_id: fijians[0]?.id ?? null, organisation: fijians[0]?.name_en ?? 'Republic of Fiji Navy', member_code: 'FJI', status: 'nominated', email: fijians[0] ? null : 'salote.tuilagi@fiji.demo.invalid' }),
    nominee({ name: fijians[1]?.name_latin ?? 'Josefa Ratu (fictional)', person_id: fijians[1]?.id ?? null, organisation: fijians[1]?.name_en ?? 'Fiji Police Force', member_code: 'FJI', status: 'nominated' }),
    nominee({ name: tongans[0]?.name_latin ?? 'Sione Fifita (fictional)', person_id: tongans[0]?.id ?? null, organisation: tongans[0]?.name_en ?? 'Tonga Maritime Police', member_code: 'TON', status: 'nominated' }),
  );
  // Approved: the Tongan demo official, who can now register on the event page.
  const tevita = ctx.userIds.get('tevita@demo.hub.example');
  if (tevita) {
    participants.push(nominee({ name: 'Tevita Demo', user_id: tevita, email: 'tevita@demo.hub.example', member_code: 'TON', status: 'approved', decided_by: admin, decided_at: stamp }));
  }
  // Registered delegates of other Pacific Members (nominated by the secretariat on their behalf).
  const others: [string, string][] = [['PNG', 'Kila Demo-Delegate (fictional)'], ['SLB', 'Hana Demo-Delegate (fictional)'], ['VUT', 'Rinah Demo-Delegate (fictional)'], ['AUS', 'Jordan Demo-Delegate (fictional)']];
  others.forEach(([code, name], i) => {
    if (memberNames.has(code)) participants.push(nominee({ name, member_code: code, status: 'registered', nominated_by: admin, decided_by: admin, decided_at: stamp, registered_at: stamp, consent_listed: i % 2 }));
  });

  for (let i = 0; i < participants.length; i += 200) await trx.insertInto('event_participants').values(participants.slice(i, i + 200)).execute();
  if (invitations.length > 0) await trx.insertInto('event_invitations').values(invitations).execute();
  return { dialogueParticipantsAdded: dialogueAdded, participationEvents: 1, participationInvitations: invitations.length, participationRows: participants.length };
}
