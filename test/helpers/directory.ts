import type { Agent } from './hub';

/** Factories for directory records, through the real API as the given (editing) agent. */
export async function makeAgency(agent: Agent, o: { memberCode?: string; nameEn?: string; nameLocal?: string; acronym?: string; type?: string; mandates?: string[] } = {}) {
  const res = await agent.request('POST', '/api/directory/agencies', {
    memberCode: o.memberCode ?? 'THA',
    nameEn: o.nameEn ?? `Agency ${Math.random().toString(36).slice(2, 8)}`,
    type: o.type ?? 'police',
    mandates: o.mandates ?? ['counter-trafficking'],
    ...(o.nameLocal ? { nameLocal: o.nameLocal } : {}),
    ...(o.acronym ? { acronym: o.acronym } : {}),
  });
  if (res.status !== 201) throw new Error(`makeAgency: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; memberCode: string; nameEn: string };
}

export async function makePosition(agent: Agent, agencyId: string, o: { title?: string; workingGroupCode?: string } = {}) {
  const res = await agent.request('POST', `/api/directory/agencies/${agencyId}/positions`, { title: o.title ?? 'Focal point', ...(o.workingGroupCode ? { workingGroupCode: o.workingGroupCode } : {}) });
  if (res.status !== 201) throw new Error(`makePosition: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export interface ChannelInput {
  kind: string;
  value: string;
  visibility: 'public' | 'members' | 'secretariat' | 'private';
}

/** Hands the position to a new person; returns the person's id. */
export async function handOver(agent: Agent, positionId: string, person: { nameLatin?: string; nameLocal?: string; channels?: ChannelInput[] } = {}, startDate = '2026-01-01') {
  const res = await agent.request('POST', `/api/directory/positions/${positionId}/handover`, {
    startDate,
    person: { nameLatin: person.nameLatin ?? 'Test Person', ...(person.nameLocal ? { nameLocal: person.nameLocal } : {}), channels: person.channels ?? [] },
  });
  if (res.status !== 200) throw new Error(`handOver: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.holder.id as string;
}

export const allTiers: ChannelInput[] = [
  { kind: 'email', value: 'public@test.hub.example', visibility: 'public' },
  { kind: 'email', value: 'members@test.hub.example', visibility: 'members' },
  { kind: 'phone', value: '+66 2 000 0001', visibility: 'secretariat' },
  { kind: 'mobile', value: '+66 8 000 0002', visibility: 'private' },
];
