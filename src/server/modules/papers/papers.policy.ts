import type { Role } from '@/contracts/roles';
import type { Actor } from '../../platform/context';
import { isSecretariat } from '../../platform/permissions';

/** Participant statuses that make someone a participant of an event for papers (and put them on the list). */
export const participantStatuses = ['approved', 'registered'] as const;

/** Roles that read papers open to Members: officials of Member agencies, their coordinators and the secretariat. */
const memberRoles: readonly Role[] = ['secretariat_admin', 'secretariat_staff', 'member_coordinator', 'official'];

/** Where the viewer stands in one event, as far as papers care. */
export interface Standing {
  /** Their participant record's status, if they have one (null: none). */
  participantStatus: string | null;
}

const isParticipant = (s: Standing) => s.participantStatus !== null && (participantStatuses as readonly string[]).includes(s.participantStatus);

/**
 * Whether a viewer who already sees the event (events/event-access.ts) may read a paper of a given sensitivity.
 * A paper the viewer may not read is treated as absent: not listed, 404.
 */
export function canReadPaper(viewer: Actor | null, sensitivity: string, standing: Standing): boolean {
  if (viewer && isSecretariat(viewer)) return true;
  switch (sensitivity) {
    case 'public':
      return true;
    case 'members':
      return !!viewer && (memberRoles.includes(viewer.role) || isParticipant(standing));
    case 'participants':
      return !!viewer && isParticipant(standing);
    default:
      return false;
  }
}

/**
 * A report published to everyone: the public outcome report of a published meeting that was not by invitation. A
 * Members-only meeting's report may be public (the Bali Process publishes its outcome reports); anyone reads it,
 * signed in or not, and the published reports list (modules/publications) shows it. An invited-only meeting stays
 * invisible, report included.
 */
export function isPublishedReport(paper: { kind: string; sensitivity: string }, event: { status: string; visibility: string }): boolean {
  return paper.kind === 'outcome_report' && paper.sensitivity === 'public' && event.status !== 'draft' && event.visibility !== 'invited';
}

/** Uploading papers and versions, and changing their labels: the secretariat. */
export function canManagePapers(viewer: Actor | null): boolean {
  return !!viewer && !viewer.mustEnrollTotp && isSecretariat(viewer);
}

/** The generated participant list: the secretariat and the event's registered participants. */
export function canDownloadParticipantList(viewer: Actor | null, standing: Standing): boolean {
  if (!viewer) return false;
  return isSecretariat(viewer) || standing.participantStatus === 'registered';
}
