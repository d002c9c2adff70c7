import type { Invitation, Participant, ParticipantCounts, ParticipantStatus } from '@/contracts/participation';
import type { InvitationRow, ParticipantRow } from './participation.repository';

export type ParticipantView = 'secretariat' | 'coordinator' | 'participant';

export function invitationKind(i: { member_code: string | null; agency_id: string | null; user_id: string | null }): Invitation['kind'] {
  return i.user_id ? 'user' : i.agency_id ? 'agency' : 'member';
}

export function presentInvitation(i: InvitationRow): Invitation {
  const kind = invitationKind(i);
  return {
    id: i.id,
    kind,
    memberCode: i.member_code,
    memberName: i.member_name,
    agency: i.agency_id ? { id: i.agency_id, nameEn: i.agency_name ?? '' } : null,
    user: i.user_id ? { id: i.user_id, displayName: i.user_name ?? '' } : null,
    quota: i.quota,
    createdAt: i.created_at,
  };
}

/**
 * One participant as a viewer may see them. Emails go to the secretariat only; the participant list that
 * registered participants read carries name, organisation and Member, nothing else.
 */
export function presentParticipant(p: ParticipantRow, view: ParticipantView, waitlistPosition: number | null): Participant {
  const base = {
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    memberCode: p.member_code,
    memberName: p.member_name,
    status: p.status as ParticipantStatus,
  };
  if (view === 'participant') {
    return { ...base, email: null, consentListed: null, hasAccount: null, nominatedBy: null, registeredAt: null, checkedInAt: null, waitlistPosition: null, createdAt: null };
  }
  return {
    ...base,
    email: view === 'secretariat' ? p.email : null,
    consentListed: p.consent_listed === 1,
    hasAccount: p.user_id !== null,
    nominatedBy: p.nominator_name,
    registeredAt: p.registered_at,
    checkedInAt: p.checked_in_at,
    waitlistPosition,
    createdAt: p.created_at,
  };
}

export function presentCounts(capacity: number | null, byStatus: Map<string, number>, checkedIn: number): ParticipantCounts {
  const n = (s: string) => byStatus.get(s) ?? 0;
  return {
    capacity,
    nominated: n('nominated'),
    approved: n('approved'),
    registered: n('registered'),
    waitlisted: n('waitlisted'),
    declined: n('declined'),
    cancelled: n('cancelled'),
    checkedIn,
    placesTaken: n('approved') + n('registered'),
  };
}
