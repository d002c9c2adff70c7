import type { Action, ActionStatus, ActionUpdate, OwnerKind } from '@/contracts/outcomes';
import { openStatuses } from '@/contracts/outcomes';
import type { ActionRow } from './outcomes.repository';
import type { ActionUpdatesTable } from './outcomes.tables';

export interface Names {
  members: ReadonlyMap<string, string>;
  workingGroups: ReadonlyMap<string, { name: string; coChairs: string[] }>;
}

export function ownerName(kind: string, code: string, names: Names): string {
  if (kind === 'rso') return 'Regional Support Office';
  if (kind === 'member') return names.members.get(code) ?? code;
  return names.workingGroups.get(code)?.name ?? code;
}

/** Due before today (a UTC date, YYYY-MM-DD) and still open. */
export function isOverdue(a: { due_date: string | null; status: string }, today: string): boolean {
  return !!a.due_date && a.due_date < today && openStatuses.includes(a.status as ActionStatus);
}

export function presentAction(
  r: ActionRow,
  o: { today: string; names: Names; themes: string[]; priorities: string[]; canUpdate: boolean; canEdit: boolean },
): Action {
  return {
    id: r.id,
    event: { id: r.event_id, title: r.event_title, startDate: r.event_start_date, series: r.event_series, workingGroupCode: r.event_working_group_code },
    text: r.text,
    owner: { kind: r.owner_kind as OwnerKind, code: r.owner_code, name: ownerName(r.owner_kind, r.owner_code, o.names) },
    dueDate: r.due_date,
    status: r.status as ActionStatus,
    progress: r.progress,
    overdue: isOverdue(r, o.today),
    themes: o.themes,
    priorities: o.priorities,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.creator_name ?? '' } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    canUpdate: o.canUpdate,
    canEdit: o.canEdit,
  };
}

export function presentUpdate(u: ActionUpdatesTable & { author_name: string | null }): ActionUpdate {
  return {
    id: u.id,
    dated: u.dated,
    text: u.text,
    progress: u.progress,
    statusFrom: u.status_from as ActionStatus | null,
    statusTo: u.status_to as ActionStatus | null,
    evidenceUrl: u.evidence_url,
    evidenceNote: u.evidence_note,
    author: u.author_id ? { id: u.author_id, displayName: u.author_name ?? '' } : null,
    createdAt: u.created_at,
  };
}
