import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, login, makeUser, type Agent, type TestHub, type TestUser } from '../../../../test/helpers/hub';
import { handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';
import { fillFreedPlaces } from './participation.service';
import { makeEvent } from './participation.test-support';

let hub: TestHub;
let admin: Agent;
let staff: Agent;
let fjiCoordUser: TestUser;
let fjiCoord: Agent;
let thaCoord: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
  staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
  fjiCoordUser = await makeUser(hub, { role: 'member_coordinator', memberScopes: ['FJI', 'TON'] });
  fjiCoord = await login(hub, fjiCoordUser);
  thaCoord = await login(hub, await makeUser(hub, { role: 'member_coordinator', memberScopes: ['THA'] }));
});
afterAll(async () => {
  await hub.close();
});

const mail = (to: string, kind: string) => hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', to).where('kind', '=', kind).execute();
const rowsOf = async (eventId: string) => hub.deps.db.selectFrom('event_participants').selectAll().where('event_id', '=', eventId).execute();
const auditCount = async () => Number((await hub.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const audits = (entityId: string) => hub.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', entityId).orderBy('seq').execute();

async function invite(eventId: string, body: Record<string, unknown>) {
  const res = await admin.request('POST', `/api/events/${eventId}/invitations`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; memberCode: string | null; quota: number | null };
}

async function nominate(agent: Agent, eventId: string, body: Record<string, unknown>) {
  return agent.request('POST', `/api/events/${eventId}/participants`, body);
}

/** An official of a Member with an account, nominated and approved for the event. */
async function approvedOfficial(eventId: string, memberCode = 'FJI') {
  const user = await makeUser(hub, { role: 'official', memberScopes: [memberCode] });
  const nom = await nominate(admin, eventId, { memberCode, userId: user.id });
  expect(nom.status, JSON.stringify(nom.body)).toBe(201);
  const ok = await admin.request('POST', `/api/events/${eventId}/participants/${nom.body.id}/approve`, {});
  expect(ok.status).toBe(200);
  return { user, agent: await login(hub, user), participantId: nom.body.id as string, status: ok.body.status as string };
}

describe('invitations', () => {
  it('invites a Member with a quota and tells its coordinators; an agency carries its Member; a user is told themself', async () => {
    const event = await makeEvent(hub, { title: 'Fiji workshop' });
    const inv = await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 2 });
    expect(inv).toMatchObject({ memberCode: 'FJI', quota: 2 });
    const sent = await mail(fjiCoordUser.email, 'event_invitation');
    expect(sent.map((m) => m.subject)).toContain('Invitation: Fiji workshop');
    expect(sent.find((m) => m.subject === 'Invitation: Fiji workshop')?.body_text).toContain(`/events/${event.id}`);

    const agency = await makeAgency(admin, { memberCode: 'TON', nameEn: 'Tonga Police' });
    // The agency's focal point has a hub account: they hear of the invitation too.
    const focal = await makeUser(hub, { role: 'official', memberScopes: ['TON'] });
    const focalPerson = await handOver(admin, (await makePosition(admin, agency.id)).id, { nameLatin: 'Sione Focal' });
    await hub.deps.db.updateTable('people').set({ user_id: focal.id }).where('id', '=', focalPerson).execute();
    const agencyInv = await admin.request('POST', `/api/events/${event.id}/invitations`, { kind: 'agency', agencyId: agency.id });
    expect(agencyInv.status).toBe(201);
    expect(agencyInv.body).toMatchObject({ kind: 'agency', memberCode: 'TON', quota: 1, agency: { id: agency.id, nameEn: 'Tonga Police' } });
    expect((await mail(focal.email, 'event_invitation')).map((m) => m.body_text).join()).toContain('Tonga Police is invited to "Fiji workshop"');

    const person = await makeUser(hub, { role: 'researcher' });
    const userInv = await admin.request('POST', `/api/events/${event.id}/invitations`, { kind: 'user', email: person.email });
    expect(userInv.status).toBe(201);
    expect(await mail(person.email, 'event_invitation')).toHaveLength(1);

    const dup = await admin.request('POST', `/api/events/${event.id}/invitations`, { kind: 'member', memberCode: 'FJI', quota: 4 });
    expect(dup.status).toBe(409);
    const unknownUser = await admin.request('POST', `/api/events/${event.id}/invitations`, { kind: 'user', email: 'nobody@test.hub.example' });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.errors[0].field).toBe('email');

    // The coordinator sees their Members' invitations and quotas, not the user's.
    const seen = await fjiCoord.request('GET', `/api/events/${event.id}/invitations`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['agency', 'member']);
    expect(seen.body.quotas).toEqual([
      { memberCode: 'FJI', memberName: expect.any(String), quota: 2, used: 0, canNominate: true },
      { memberCode: 'TON', memberName: expect.any(String), quota: 1, used: 0, canNominate: true },
    ]);
    const all = await staff.request('GET', `/api/events/${event.id}/invitations`);
    expect(all.body.items).toHaveLength(3);
    // By slug too, as the events API accepts.
    expect((await staff.request('GET', `/api/events/${event.slug}/invitations`)).body.items).toHaveLength(3);

    const removed = await admin.request('DELETE', `/api/events/${event.id}/invitations/${userInv.body.id}`);
    expect(removed.status).toBe(200);
    expect((await audits(userInv.body.id)).map((a) => a.action)).toEqual(['event_invitation.created', 'event_invitation.removed']);
    const after = await admin.request('GET', `/api/events/${event.id}/invitations`);
    expect(after.body.items).toHaveLength(2);
  });

  it('refuses invitations from coordinators and officials', async () => {
    const event = await makeEvent(hub);
    expect((await fjiCoord.request('POST', `/api/events/${event.id}/invitations`, { kind: 'member', memberCode: 'FJI', quota: 3 })).status).toBe(403);
    const official = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['FJI'] }));
    expect((await official.request('GET', `/api/events/${event.id}/invitations`)).status).toBe(403);
  });
});

describe('nominations', () => {
  it('tells the secretariat of each new nomination (as each chose), but not the one who nominated', async () => {
    const event = await makeEvent(hub, { title: 'Nomination alert workshop' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 3 });
    // Staff chose a daily digest for this kind: nothing is mailed at once to them.
    expect((await staff.request('PUT', '/api/account/notifications', { preferences: [{ kind: 'nomination_received', mode: 'daily' }] })).status).toBe(200);
    const nom = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Sera Alert', organisation: 'Fiji Police Force' });
    expect(nom.status).toBe(201);
    const toAdmin = (await mail(admin.user!.email, 'nomination_received')).filter((m) => m.subject.includes('Nomination alert workshop'));
    expect(toAdmin.map((m) => m.subject)).toEqual(['Nomination to decide: Sera Alert for Nomination alert workshop']);
    const coordName = (await hub.deps.db.selectFrom('users').select('display_name').where('id', '=', fjiCoordUser.id).executeTakeFirstOrThrow()).display_name;
    expect(toAdmin[0]?.body_text).toContain(`${coordName} nominated Sera Alert (Fiji Police Force, Fiji) for "Nomination alert workshop"`);
    expect(toAdmin[0]?.body_text).toContain('Fiji has used 1 of its 3 places.');
    expect(toAdmin[0]?.body_text).toContain(`/events/${event.id}/participants`);
    expect((await mail(staff.user!.email, 'nomination_received')).filter((m) => m.subject.includes('Nomination alert workshop'))).toEqual([]);
    // Refused nominations tell nobody; the secretariat nominating itself does not mail the nominator.
    await nominate(thaCoord, event.id, { memberCode: 'FJI', name: 'Not Theirs' });
    await approvedOfficial(event.id);
    expect((await mail(admin.user!.email, 'nomination_received')).filter((m) => m.subject.includes('Nomination alert workshop'))).toHaveLength(1);
  });

  it('lets a coordinator nominate within the quota; over the quota nothing is written', async () => {
    const event = await makeEvent(hub);
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 2 });
    const first = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Sera Naivalu', email: 'sera@test.hub.example', organisation: 'Fiji Police Force' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ name: 'Sera Naivalu', status: 'nominated', memberCode: 'FJI', organisation: 'Fiji Police Force', email: null });
    expect((await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Jone Vatu' })).status).toBe(201);

    const before = { rows: (await rowsOf(event.id)).length, audit: await auditCount() };
    const over = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'One Too Many' });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('quota_exceeded');
    expect(over.body.detail).toMatch(/used all 2 of its places/);
    expect(over.body.errors[0].field).toBe('memberCode');
    expect((await rowsOf(event.id)).length).toBe(before.rows);
    expect(await auditCount()).toBe(before.audit);

    const quotas = await fjiCoord.request('GET', `/api/events/${event.id}/invitations`);
    expect(quotas.body.quotas[0]).toMatchObject({ memberCode: 'FJI', quota: 2, used: 2 });
    // The quota cannot drop below what is used; raising it is audited.
    const inv = quotas.body.items[0].id;
    const lower = await admin.request('PATCH', `/api/events/${event.id}/invitations/${inv}`, { quota: 1 });
    expect(lower.status).toBe(409);
    expect(lower.body.code).toBe('quota_exceeded');
    expect((await fjiCoord.request('PATCH', `/api/events/${event.id}/invitations/${inv}`, { quota: 3 })).status).toBe(403);
    const raised = await staff.request('PATCH', `/api/events/${event.id}/invitations/${inv}`, { quota: 3 });
    expect(raised.body.quota).toBe(3);
    expect((await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Third Place' })).status).toBe(201);
    await staff.request('PATCH', `/api/events/${event.id}/invitations/${inv}`, { quota: 2 }).then((r) => expect(r.status).toBe(409));
    expect((await audits(inv)).map((a) => a.action)).toEqual(['event_invitation.created', 'event_invitation.updated']);

    // A withdrawn nomination gives its place in the quota back.
    const withdrawn = await fjiCoord.request('POST', `/api/events/${event.id}/participants/${first.body.id}/cancel`, {});
    expect(withdrawn.body.status).toBe('cancelled');
    expect((await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Now Fits' })).status).toBe(201);
  });

  it('takes a declined nomination back only when the quota allows', async () => {
    const event = await makeEvent(hub, { title: 'Quota return workshop' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 1 });
    const a = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'First Choice' });
    await admin.request('POST', `/api/events/${event.id}/participants/${a.body.id}/decline`, {});
    expect((await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Second Choice' })).status).toBe(201);
    const back = await admin.request('POST', `/api/events/${event.id}/participants/${a.body.id}/approve`, {});
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('quota_exceeded');
    expect((await rowsOf(event.id)).find((r) => r.id === a.body.id)?.status).toBe('declined');
  });

  it('forbids nominating for another Member, hides events the coordinator cannot see, refuses Members not invited', async () => {
    const event = await makeEvent(hub);
    await invite(event.id, { kind: 'member', memberCode: 'THA', quota: 3 });
    const other = await nominate(fjiCoord, event.id, { memberCode: 'THA', name: 'Not Mine' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    expect((await rowsOf(event.id)).length).toBe(0);
    expect((await fjiCoord.request('GET', `/api/events/${event.id}/candidates?member=THA`)).status).toBe(403);

    const notInvited = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Uninvited' });
    expect(notInvited.status).toBe(409);
    expect(notInvited.body.detail).toMatch(/not invited/);

    // An invited-only event for Thailand does not exist for Fiji's coordinator.
    const closed = await makeEvent(hub, { visibility: 'invited' });
    await invite(closed.id, { kind: 'member', memberCode: 'THA', quota: 3 });
    expect((await nominate(fjiCoord, closed.id, { memberCode: 'FJI', name: 'X' })).status).toBe(404);
    expect((await fjiCoord.request('GET', `/api/events/${closed.id}/invitations`)).status).toBe(404);
    expect((await fjiCoord.request('GET', `/api/events/${closed.slug}/invitations`)).status).toBe(404);
    expect((await fjiCoord.request('GET', `/api/events/${closed.id}/participants`)).status).toBe(404);
    expect((await thaCoord.request('GET', `/api/events/${closed.id}/invitations`)).status).toBe(200);
  });

  it('nominates a directory person of the Member (not of another Member) and lists candidates', async () => {
    const event = await makeEvent(hub);
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    const fji = await makeAgency(admin, { memberCode: 'FJI', nameEn: 'Fiji Immigration Department' });
    const personId = await handOver(admin, (await makePosition(admin, fji.id)).id, { nameLatin: 'Litia Directory' });
    const tha = await makeAgency(admin, { memberCode: 'THA' });
    const thaPerson = await handOver(admin, (await makePosition(admin, tha.id)).id, { nameLatin: 'Somsak Directory' });

    const cands = await fjiCoord.request('GET', `/api/events/${event.id}/candidates?member=FJI`);
    expect(cands.status).toBe(200);
    expect(cands.body.items).toContainEqual({ kind: 'person', id: personId, name: 'Litia Directory', organisation: 'Fiji Immigration Department', nominated: false });
    expect(cands.body.items.some((c: { name: string }) => c.name === 'Somsak Directory')).toBe(false);

    const ok = await nominate(fjiCoord, event.id, { memberCode: 'FJI', personId });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Litia Directory', organisation: 'Fiji Immigration Department' });
    const again = await nominate(fjiCoord, event.id, { memberCode: 'FJI', personId });
    expect(again.status).toBe(409);
    const wrong = await nominate(fjiCoord, event.id, { memberCode: 'FJI', personId: thaPerson });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('personId');
    const none = await nominate(fjiCoord, event.id, { memberCode: 'FJI' });
    expect(none.status).toBe(400);
    const marked = await fjiCoord.request('GET', `/api/events/${event.id}/candidates?member=FJI`);
    expect(marked.body.items.find((c: { id: string }) => c.id === personId).nominated).toBe(true);
  });

  it('secretariat approves and declines; the coordinator and the nominee hear of it', async () => {
    const event = await makeEvent(hub, { title: 'Decision workshop' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    const nomineeUser = await makeUser(hub, { role: 'official', memberScopes: ['FJI'] });
    const a = await nominate(fjiCoord, event.id, { memberCode: 'FJI', userId: nomineeUser.id });
    const b = await nominate(fjiCoord, event.id, { memberCode: 'FJI', name: 'Declined Person' });
    expect((await fjiCoord.request('POST', `/api/events/${event.id}/participants/${a.body.id}/approve`, {})).status).toBe(403);

    const approved = await staff.request('POST', `/api/events/${event.id}/participants/${a.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', email: nomineeUser.email, hasAccount: true });
    const declined = await admin.request('POST', `/api/events/${event.id}/participants/${b.body.id}/decline`, { reason: 'Outside the workshop’s theme' });
    expect(declined.body.status).toBe('declined');
    expect((await admin.request('POST', `/api/events/${event.id}/participants/${b.body.id}/decline`, {})).status).toBe(409);

    const toCoord = await mail(fjiCoordUser.email, 'nomination_decision');
    expect(toCoord.map((m) => m.subject)).toEqual(expect.arrayContaining(['Nomination approved: Decision workshop', 'Nomination declined: Decision workshop']));
    expect(toCoord.find((m) => m.subject === 'Nomination declined: Decision workshop')?.body_text).toContain('Outside the workshop’s theme');
    expect((await mail(nomineeUser.email, 'nomination_decision')).map((m) => m.subject)).toEqual(['Nomination approved: Decision workshop']);
    expect((await audits(a.body.id)).map((x) => x.action)).toEqual(['event_participant.nominated', 'event_participant.approved']);

    // A coordinator sees their own Members' nominations, never emails.
    const list = await fjiCoord.request('GET', `/api/events/${event.id}/participants`);
    expect(list.body.view).toBe('coordinator');
    expect(list.body.items.map((p: { status: string }) => p.status).sort()).toEqual(['approved', 'declined']);
    expect(list.body.items.every((p: { email: string | null }) => p.email === null)).toBe(true);
    expect((await thaCoord.request('GET', `/api/events/${event.id}/participants`)).body.items).toEqual([]);
  });
});

describe('registration, consent and the participant list', () => {
  it('an approved participant registers with or without consent; the list shows only those who consented, without emails', async () => {
    const event = await makeEvent(hub, { title: 'Consent dialogue' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    const yes = await approvedOfficial(event.id);
    const no = await approvedOfficial(event.id);
    const pending = await makeUser(hub, { role: 'official', memberScopes: ['FJI'] });
    await nominate(fjiCoord, event.id, { memberCode: 'FJI', userId: pending.id });

    const before = await yes.agent.request('GET', `/api/events/${event.id}/registration`);
    expect(before.body).toMatchObject({ canRegister: true, participant: { status: 'approved' } });
    // Not registered yet: the list is not for them.
    expect((await yes.agent.request('GET', `/api/events/${event.id}/participants`)).status).toBe(403);

    const r1 = await yes.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });
    expect(r1.status).toBe(200);
    expect(r1.body.participant).toMatchObject({ status: 'registered', consentListed: true });
    const r2 = await no.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: false });
    expect(r2.body.participant).toMatchObject({ status: 'registered', consentListed: false });
    expect((await mail(yes.user.email, 'registration_confirmed')).map((m) => m.subject)).toEqual(['Registration confirmed: Consent dialogue']);

    const pendingAgent = await login(hub, pending);
    const early = await pendingAgent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });
    expect(early.status).toBe(409);

    const list = await no.agent.request('GET', `/api/events/${event.id}/participants`);
    expect(list.status).toBe(200);
    expect(list.body.view).toBe('participant');
    expect(list.body.counts).toBeNull();
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: yes.participantId, memberCode: 'FJI', email: null, consentListed: null });
    expect(JSON.stringify(list.body)).not.toContain('@');

    // Changing one's mind is recorded and shows at once.
    await yes.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: false });
    expect((await no.agent.request('GET', `/api/events/${event.id}/participants`)).body.items).toEqual([]);
    expect((await audits(yes.participantId)).map((x) => x.action)).toContain('event_participant.consent_changed');

    const all = await admin.request('GET', `/api/events/${event.id}/participants`);
    expect(all.body.view).toBe('secretariat');
    expect(all.body.items.map((p: { email: string }) => p.email)).toContain(yes.user.email);
    expect(all.body.counts).toMatchObject({ registered: 2, nominated: 1, placesTaken: 2, checkedIn: 0 });
  });

  it('a user invited by name registers directly; others are refused', async () => {
    const event = await makeEvent(hub, { visibility: 'invited' });
    const guest = await makeUser(hub, { role: 'researcher' });
    const guestAgent = await login(hub, guest);
    // Not invited: the event does not exist for them.
    expect((await guestAgent.request('GET', `/api/events/${event.id}/registration`)).status).toBe(404);
    expect((await guestAgent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true })).status).toBe(404);
    await invite(event.id, { kind: 'user', email: guest.email });
    const mine = await guestAgent.request('GET', `/api/events/${event.id}/registration`);
    expect(mine.body).toEqual({ participant: null, canRegister: true, invited: true, eventFull: false });
    const reg = await guestAgent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });
    expect(reg.body.participant).toMatchObject({ status: 'registered', consentListed: true });

    const official = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['FJI'] }));
    const open = await makeEvent(hub, { visibility: 'members' });
    const refused = await official.request('PUT', `/api/events/${open.id}/registration`, { consentListed: true });
    expect(refused.status).toBe(403);
  });
});

describe('waitlist', () => {
  it('puts approvals beyond capacity on the waitlist in order, and gives a freed place to the first in line', async () => {
    const event = await makeEvent(hub, { capacity: 1, title: 'Small roundtable' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    const a = await approvedOfficial(event.id);
    hub.clock.advance(1000);
    const b = await approvedOfficial(event.id);
    hub.clock.advance(1000);
    const c = await approvedOfficial(event.id);
    expect([a.status, b.status, c.status]).toEqual(['approved', 'waitlisted', 'waitlisted']);

    // B registers while waiting: their consent is kept, their place in line too.
    const bReg = await b.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });
    expect(bReg.body).toMatchObject({ eventFull: true, participant: { status: 'waitlisted', waitlistPosition: 1 } });
    expect((await c.agent.request('GET', `/api/events/${event.id}/registration`)).body.participant.waitlistPosition).toBe(2);
    await a.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });

    // A cancels: B gets the place (registered, as they had registered) and is told; C moves up.
    const cancelled = await a.agent.request('DELETE', `/api/events/${event.id}/registration`);
    expect(cancelled.body.participant.status).toBe('cancelled');
    const bNow = await b.agent.request('GET', `/api/events/${event.id}/registration`);
    expect(bNow.body.participant).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect((await mail(b.user.email, 'registration_confirmed')).map((m) => m.body_text).join()).toContain('A place has freed up');
    expect((await c.agent.request('GET', `/api/events/${event.id}/registration`)).body.participant).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await audits(b.participantId)).map((x) => x.action)).toContain('event_participant.promoted');

    // The secretariat declines B: C gets the place (approved, not yet registered) and hears of it.
    await admin.request('POST', `/api/events/${event.id}/participants/${b.participantId}/decline`, {});
    const cNow = await c.agent.request('GET', `/api/events/${event.id}/registration`);
    expect(cNow.body.participant.status).toBe('approved');
    expect((await mail(c.user.email, 'nomination_decision')).map((m) => m.subject)).toContain('A place for ' + cNow.body.participant.name + ': Small roundtable');
    const counts = (await admin.request('GET', `/api/events/${event.id}/participants`)).body.counts;
    expect(counts).toMatchObject({ capacity: 1, placesTaken: 1, waitlisted: 0, cancelled: 1, declined: 1 });
  });

  it('gives new places to the waitlist when the capacity grows (fillFreedPlaces, for the events module)', async () => {
    const event = await makeEvent(hub, { capacity: 1, title: 'Growing workshop' });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    await approvedOfficial(event.id);
    const b = await approvedOfficial(event.id);
    expect(b.status).toBe('waitlisted');
    const grown = { ...event, capacity: 2 };
    await hub.deps.db.updateTable('events').set({ capacity: 2 }).where('id', '=', event.id).execute();
    const outbox: string[] = [];
    const promoted = await hub.deps.db.transaction().execute((trx) => fillFreedPlaces(hub.deps, trx, null, grown, outbox));
    expect(promoted).toBe(1);
    expect(outbox).toHaveLength(2); // the nominee and whoever nominated them
    expect((await b.agent.request('GET', `/api/events/${event.id}/registration`)).body.participant.status).toBe('approved');
    expect((await mail(b.user.email, 'nomination_decision')).map((m) => m.subject)).toContain(`A place for ${(await rowsOf(event.id)).find((r) => r.id === b.participantId)?.name}: Growing workshop`);
  });

  it('puts a direct registration on a full event on the waitlist', async () => {
    const event = await makeEvent(hub, { capacity: 1 });
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    await approvedOfficial(event.id);
    const guest = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    await invite(event.id, { kind: 'user', email: guest.email });
    const reg = await (await login(hub, guest)).request('PUT', `/api/events/${event.id}/registration`, { consentListed: false });
    expect(reg.body.participant).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, memberCode: 'THA' });
    expect(await mail(guest.email, 'registration_confirmed')).toHaveLength(0);
  });
});

describe('check-in', () => {
  it('checks registered participants in and out, with counts; others cannot be checked in', async () => {
    const event = await makeEvent(hub);
    await invite(event.id, { kind: 'member', memberCode: 'FJI', quota: 5 });
    const p = await approvedOfficial(event.id);
    const notYet = await approvedOfficial(event.id);
    const url = `/api/events/${event.id}/participants/${p.participantId}/check-in`;
    expect((await admin.request('POST', url, {})).status).toBe(409);
    await p.agent.request('PUT', `/api/events/${event.id}/registration`, { consentListed: true });
    expect((await fjiCoord.request('POST', url, {})).status).toBe(403);

    const done = await staff.request('POST', url, {});
    expect(done.status).toBe(200);
    expect(done.body.checkedInAt).toEqual(expect.any(String));
    const search = await admin.request('GET', `/api/events/${event.id}/participants?status=registered&q=OFFICIAL`);
    expect(search.body.items.map((x: { id: string }) => x.id)).toEqual([p.participantId]);
    expect(search.body.counts).toMatchObject({ registered: 1, approved: 1, checkedIn: 1 });

    const undone = await admin.request('DELETE', url);
    expect(undone.body.checkedInAt).toBeNull();
    expect((await admin.request('GET', `/api/events/${event.id}/participants`)).body.counts.checkedIn).toBe(0);
    expect((await audits(p.participantId)).map((x) => x.action)).toEqual(expect.arrayContaining(['event_participant.checked_in', 'event_participant.check_in_undone']));
    expect((await admin.request('POST', `/api/events/${event.id}/participants/${notYet.participantId}/check-in`, {})).status).toBe(409);
  });
});
