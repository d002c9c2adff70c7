import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, permissionMatrix, type Caller } from '@/server/permission-matrix';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub } from './helpers/hub';
import { calendarProbe } from './matrix-probes/calendar';
import { dialoguesProbe } from './matrix-probes/dialogues';
import { directoryImportsProbe } from './matrix-probes/directory-imports';
import { eventsProbe } from './matrix-probes/events';
import { libraryProbe } from './matrix-probes/library';
import { participationProbe } from './matrix-probes/participation';
import { notificationsProbe } from './matrix-probes/notifications';
import { outcomesProbe } from './matrix-probes/outcomes';
import { papersProbe } from './matrix-probes/papers';
import { practicesProbe } from './matrix-probes/practices';
import { searchProbe } from './matrix-probes/search';
import type { Probe } from './matrix-probes/types';

const moduleProbes = [directoryImportsProbe, eventsProbe, participationProbe, papersProbe, outcomesProbe, notificationsProbe, calendarProbe, libraryProbe, practicesProbe, dialoguesProbe, searchProbe];

/**
 * Walks every registered API route for every kind of caller and compares the outcome with the matrix.
 * The coordinator's scope is THA; "in" requests name THA, "out" requests name FJI.
 */
let hub: TestHub;
const agents = {} as Record<Caller, Agent>;

beforeAll(async () => {
  // The matrix sends thousands of requests from one address within a minute: lift the API-wide limit here only.
  hub = await createTestHub({ API_RATE_PER_MINUTE: '1000000' });
  agents.anonymous = anonymous(hub);
  agents.secretariat_admin = await login(hub, await makeUser(hub, { role: 'secretariat_admin' }));
  agents.secretariat_staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
  const coordinator = await login(hub, await makeUser(hub, { role: 'member_coordinator', memberScopes: ['THA'] }));
  agents.coordinator_in = coordinator;
  agents.coordinator_out = coordinator;
  agents.official = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['THA'] }));
  agents.researcher = await login(hub, await makeUser(hub, { role: 'researcher' }));
});
afterAll(async () => {
  await hub.close();
});

/** An agency of a Member with one position held by a person who has a public email (made by the administrator). */
async function directoryRecords(member: string): Promise<{ agencyId: string; positionId: string; personId: string }> {
  const admin = agents.secretariat_admin;
  const agency = await admin.request('POST', '/api/directory/agencies', { memberCode: member, nameEn: `Matrix agency ${Math.random()}`, type: 'police', mandates: ['counter-trafficking'] });
  const position = await admin.request('POST', `/api/directory/agencies/${agency.body.id}/positions`, { title: 'Matrix focal point' });
  const handed = await admin.request('POST', `/api/directory/positions/${position.body.id}/handover`, {
    startDate: '2026-01-01',
    person: { nameLatin: 'Matrix Person', channels: [{ kind: 'email', value: 'matrix@test.hub.example', visibility: 'public' }] },
  });
  if (handed.status !== 200) throw new Error(`setup failed: ${JSON.stringify(handed.body)}`);
  return { agencyId: agency.body.id, positionId: position.body.id, personId: handed.body.holder.id };
}

/** A valid request for each route, so that an allowed caller gets past validation to the permission check. */
async function probe(route: string, scope: 'in' | 'out', caller: Caller): Promise<Probe> {
  const member = scope === 'in' ? 'THA' : 'FJI';
  for (const moduleProbe of moduleProbes) {
    const found = await moduleProbe(route, { hub, agents, scope, member, caller });
    if (found) return found;
  }
  if (route === 'POST /api/directory/imports/:id/dry-run') return { url: '/api/directory/imports/x/dry-run', body: { mapping: {} } };
  if (route === 'POST /api/directory/imports/:id/apply') return { url: '/api/directory/imports/x/apply', body: { decisions: {} } };
  if (route === 'GET /api/directory/imports/:id') return { url: '/api/directory/imports/00000000-0000-0000-0000-000000000000' };
  if (route.includes('/api/directory/') && /:id|PATCH|POST \/api\/directory\/positions/.test(route)) {
    const r = await directoryRecords(member);
    const url = (route.split(' ')[1] ?? '').replace(':entity', 'agency');
    const id = route.includes('/people/') ? r.personId : route.includes('/positions/') ? r.positionId : route.includes('/history/') ? r.agencyId : r.agencyId;
    const bodies: Record<string, unknown> = {
      'PATCH /api/directory/agencies/:id': { acronym: 'MX' },
      'POST /api/directory/agencies/:id/confirm': {},
      'POST /api/directory/agencies/:id/positions': { title: 'Another focal point' },
      'PATCH /api/directory/positions/:id': { title: 'Renamed focal point' },
      'POST /api/directory/positions/:id/confirm': {},
      'POST /api/directory/positions/:id/handover': { startDate: '2026-06-01', person: { nameLatin: 'Successor' } },
      'POST /api/directory/positions/:id/vacate': { endDate: '2026-06-01' },
      'POST /api/directory/positions/:id/confirmation-link': {},
      'PATCH /api/directory/people/:id': { title: 'Dr' },
    };
    return { url: url.replace(':id', id), body: bodies[route] };
  }
  const target = async () => (await makeUser(hub, { role: 'official', memberScopes: ['THA'] })).id;
  switch (route) {
    case 'PATCH /api/reference/members/:code': return { url: '/api/reference/members/THA', body: { joinedYear: 2002 } };
    case 'POST /api/auth/login': return { url: '/api/auth/login', body: { email: 'nobody@test.hub.example', password: 'not-the-password' } };
    case 'POST /api/auth/login/second-factor': return { url: route.split(' ')[1] ?? '', body: { challenge: 'invalid.challenge', code: '123456' } };
    case 'POST /api/auth/logout': return { url: '/api/auth/logout', body: {} };
    case 'POST /api/auth/password/forgot': return { url: '/api/auth/password/forgot', body: { email: 'nobody@test.hub.example' } };
    case 'POST /api/auth/password/reset': return { url: '/api/auth/password/reset', body: { token: 'not-a-real-token-123', password: 'A-long-enough-password-1' } };
    case 'GET /api/auth/invitations/:token': return { url: '/api/auth/invitations/not-a-real-token-123' };
    case 'POST /api/auth/invitations/:token/accept': return { url: '/api/auth/invitations/not-a-real-token-123/accept', body: { displayName: 'X', password: 'A-long-enough-password-1' } };
    case 'DELETE /api/account/sessions/:id': return { url: '/api/account/sessions/00000000-0000-0000-0000-000000000000' };
    case 'POST /api/account/password': return { url: '/api/account/password', body: { currentPassword: 'wrong-password', newPassword: 'A-long-enough-password-1' } };
    case 'POST /api/account/totp/confirm':
    case 'POST /api/account/totp/recovery-codes': return { url: route.split(' ')[1] ?? '', body: { code: '123456' } };
    case 'DELETE /api/account/totp': return { url: '/api/account/totp', body: { password: 'wrong-password', code: '123456' } };
    case 'PATCH /api/account/profile': return { url: '/api/account/profile', body: { locale: 'en' } };
    case 'GET /api/users/:id': return { url: `/api/users/${await target()}` };
    case 'PATCH /api/users/:id': return { url: `/api/users/${await target()}`, body: { displayName: 'Renamed' } };
    case 'POST /api/users/:id/disable':
    case 'POST /api/users/:id/enable':
    case 'POST /api/users/:id/totp/reset': return { url: (route.split(' ')[1] ?? '').replace(':id', await target()), body: {} };
    case 'GET /api/members/:code/accounts': return { url: `/api/members/${member}/accounts` };
    case 'GET /api/directory/search': return { url: '/api/directory/search?q=police' };
    case 'POST /api/directory/agencies': return { url: '/api/directory/agencies', body: { memberCode: member, nameEn: 'New agency', type: 'immigration' } };
    case 'GET /api/directory/confirm/:token': return { url: '/api/directory/confirm/not-a-real-token-123' };
    case 'POST /api/directory/confirm/:token': return { url: '/api/directory/confirm/not-a-real-token-123', body: { stillHolds: true } };
    case 'POST /api/directory/people': return { url: '/api/directory/people', body: { nameLatin: 'Someone New' } };
    case 'POST /api/invitations': return { url: '/api/invitations', body: { email: `invitee-${Math.random().toString(36).slice(2)}@test.hub.example`, role: 'official', memberScopes: [member] } };
    case 'DELETE /api/invitations/:id': {
      const admin = agents.secretariat_admin;
      const inv = await admin.request('POST', '/api/invitations', { email: `revoke-${Math.random().toString(36).slice(2)}@test.hub.example`, role: 'official', memberScopes: [member] });
      return { url: `/api/invitations/${inv.body.id}` };
    }
    default: return { url: route.split(' ')[1] ?? '' };
  }
}

function outcome(res: { status: number; body: { code?: string } | undefined }): 'allow' | 'deny' {
  const code = res.body?.code;
  if (res.status === 401 && code === 'unauthenticated') return 'deny';
  if (res.status === 403 && (code === 'forbidden' || code === 'second_factor_enrollment_required')) return 'deny';
  return 'allow';
}

describe('permission matrix', () => {
  it('lists every registered API route, and nothing else', () => {
    const registered = hub.routes.map((r) => `${r.method} ${r.url}`).filter((r) => !r.endsWith('/api/docs/') && !r.includes('/api/docs/'));
    const listed = Object.keys(permissionMatrix);
    expect(registered.filter((r) => !listed.includes(r))).toEqual([]);
    expect(listed.filter((r) => !registered.includes(r))).toEqual([]);
  });

  for (const route of Object.keys(permissionMatrix)) {
    it(route, async () => {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
      const mismatches: string[] = [];
      for (const caller of callers) {
        if (route === 'POST /api/auth/logout' && caller !== 'anonymous') continue; // signing out would end the shared sessions; covered in auth.test.ts
        const p = await probe(route, caller === 'coordinator_out' ? 'out' : 'in', caller);
        const res = await agents[caller].request(method, p.url, p.body);
        const got = outcome(res);
        const want = permissionMatrix[route]?.[caller];
        if (got !== want) mismatches.push(`${caller}: expected ${want}, got ${got} (${res.status} ${res.body?.code ?? ''})`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
