import { describe, expect, it } from 'vitest';
import type { Role } from '@/contracts/roles';
import type { Actor } from '@/server/platform/context';
import { participationPolicy as policy } from './participation.policy';

const actor = (role: Role, memberScopes: string[] = []): Actor => ({ id: 'u', role, memberScopes, sessionId: 's', mustEnrollTotp: false });

describe('participation policy', () => {
  it('lets the secretariat manage and nominate for any Member', () => {
    for (const role of ['secretariat_admin', 'secretariat_staff'] as const) {
      expect(policy.manage(actor(role))).toBe(true);
      expect(policy.nominateFor(actor(role), 'FJI')).toBe(true);
    }
  });

  it('lets a coordinator nominate for their own Members only, and never manage', () => {
    const c = actor('member_coordinator', ['FJI', 'TON']);
    expect(policy.nominateFor(c, 'FJI')).toBe(true);
    expect(policy.nominateFor(c, 'TON')).toBe(true);
    expect(policy.nominateFor(c, 'THA')).toBe(false);
    expect(policy.manage(c)).toBe(false);
    expect(policy.seeInvitations(c)).toBe(true);
  });

  it('gives officials and researchers neither', () => {
    for (const a of [actor('official', ['FJI']), actor('researcher')]) {
      expect(policy.nominateFor(a, 'FJI')).toBe(false);
      expect(policy.manage(a)).toBe(false);
      expect(policy.seeInvitations(a)).toBe(false);
    }
  });
});
