import { describe, expect, it } from 'vitest';
import type { Role } from '@/contracts/roles';
import type { Actor } from '../../platform/context';
import { outcomesPolicy } from './outcomes.policy';

const actor = (role: Role, memberScopes: string[] = [], mustEnrollTotp = false): Actor => ({ id: 'u', role, memberScopes, sessionId: 's', mustEnrollTotp });
const fiji = { owner_kind: 'member', owner_code: 'FJI' };
const rso = { owner_kind: 'rso', owner_code: 'RSO' };
const wgDcn = { owner_kind: 'working_group', owner_code: 'WG-DCN' };
const dcnChairs = ['NZL', 'VNM'];

describe('outcomes policy', () => {
  it('lets only the secretariat record and edit actions', () => {
    expect(outcomesPolicy.record(actor('secretariat_admin'))).toBe(true);
    expect(outcomesPolicy.record(actor('secretariat_staff'))).toBe(true);
    expect(outcomesPolicy.record(actor('secretariat_admin', [], true))).toBe(false);
    for (const role of ['member_coordinator', 'official', 'researcher'] as const) expect(outcomesPolicy.record(actor(role, ['FJI']))).toBe(false);
    expect(outcomesPolicy.record(null)).toBe(false);
  });

  it('lets the owner update: coordinators of the Member, of a co-chair for a working group, the secretariat for the RSO', () => {
    expect(outcomesPolicy.update(actor('member_coordinator', ['FJI', 'TON']), fiji, [])).toBe(true);
    expect(outcomesPolicy.update(actor('member_coordinator', ['THA']), fiji, [])).toBe(false);
    expect(outcomesPolicy.update(actor('official', ['FJI']), fiji, [])).toBe(false);
    expect(outcomesPolicy.update(actor('member_coordinator', ['NZL']), wgDcn, dcnChairs)).toBe(true);
    expect(outcomesPolicy.update(actor('member_coordinator', ['FJI']), wgDcn, dcnChairs)).toBe(false);
    expect(outcomesPolicy.update(actor('member_coordinator', ['FJI']), rso, [])).toBe(false);
    expect(outcomesPolicy.update(actor('secretariat_staff'), rso, [])).toBe(true);
    expect(outcomesPolicy.update(actor('secretariat_staff'), fiji, [])).toBe(true);
    expect(outcomesPolicy.update(actor('researcher'), fiji, [])).toBe(false);
    expect(outcomesPolicy.update(null, fiji, [])).toBe(false);
  });

  it('keeps dropping an action, or sending it back to proposed, for the secretariat', () => {
    expect(outcomesPolicy.setStatus(actor('member_coordinator', ['FJI']), 'done')).toBe(true);
    expect(outcomesPolicy.setStatus(actor('member_coordinator', ['FJI']), 'dropped')).toBe(false);
    expect(outcomesPolicy.setStatus(actor('member_coordinator', ['FJI']), 'proposed')).toBe(false);
    expect(outcomesPolicy.setStatus(actor('secretariat_admin'), 'dropped')).toBe(true);
  });
});
