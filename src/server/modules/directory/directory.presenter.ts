import type { AgencySummary, AgencyType, ContactChannel, Position } from '@/contracts/directory';
import type { AgenciesTable, ContactChannelsTable } from '../../db/schema';
import type { PositionRow } from './directory.repository';
import { freshnessOf } from './freshness';

export function presentAgencySummary(a: AgenciesTable, memberName: string, mandates: string[]): AgencySummary {
  return { id: a.id, memberCode: a.member_code, memberName, nameEn: a.name_en, nameLocal: a.name_local, acronym: a.acronym, type: a.type as AgencyType, mandates };
}

/** `showHolder` is false where the viewer may not see who holds the position (anonymous, no public channel). */
export function presentPosition(p: PositionRow, themes: string[], now: Date, intervalDays: number, showHolder: boolean): Position {
  const { freshness, dueAt } = freshnessOf(p, now, intervalDays);
  return {
    id: p.id,
    agencyId: p.agency_id,
    title: p.title,
    workingGroupCode: p.working_group_code,
    themes,
    holder:
      p.holder_id && showHolder
        ? { id: p.holder_id, nameLatin: p.holder_name_latin ?? '', nameLocal: p.holder_name_local, title: p.holder_title, since: p.holder_since ?? '' }
        : null,
    freshness,
    dueAt,
    lastConfirmedAt: p.last_confirmed_at,
    lastConfirmedBy: p.last_confirmed_by ? { id: p.last_confirmed_by, displayName: p.confirmer_name ?? '' } : null,
  };
}

export function presentChannel(c: ContactChannelsTable): ContactChannel {
  return { id: c.id, kind: c.kind as ContactChannel['kind'], value: c.value, label: c.label, visibility: c.visibility as ContactChannel['visibility'] };
}
