import type { PreBriefing } from '@/contracts/outcomes';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { findVisibleEvent } from '../events/event-access';
import { canReadPaper } from '../papers/papers.policy';
import { outcomesPolicy } from './outcomes.policy';
import type { OutcomesService } from './outcomes.service';
import { comingStatuses, preBriefingRepository } from './pre-briefing.repository';

/**
 * The page a participant reads before an event: the event, its agenda, the papers they may read, who is coming (those who agreed to be
 * listed) and the open actions from earlier meetings of the same series or working group. For the secretariat and
 * for participants approved or registered; an event the viewer cannot see is 404, one they do not attend is 403.
 */
export class PreBriefingService {
  constructor(
    private readonly d: PlatformDeps,
    private readonly outcomes: OutcomesService,
  ) {}

  async get(ctx: RequestContext, eventId: string): Promise<PreBriefing> {
    const viewer = requireActor(ctx);
    const event = await findVisibleEvent(this.d.db, viewer, eventId);
    const participantStatus = await preBriefingRepository.participantStatus(this.d.db, eventId, viewer.id);
    if (!outcomesPolicy.record(viewer) && !(comingStatuses as readonly (string | null)[]).includes(participantStatus)) {
      throw errors.forbidden('The pre-briefing is for the participants of this event.');
    }
    const [agenda, participants, papers, openActions] = await Promise.all([
      preBriefingRepository.agenda(this.d.db, eventId),
      preBriefingRepository.participants(this.d.db, eventId),
      preBriefingRepository.papers(this.d.db, eventId),
      this.outcomes.earlierOpen(viewer, event),
    ]);
    return {
      event: {
        id: event.id, title: event.title, type: event.type, format: event.format, place: event.place, onlineUrl: event.online_url, timeZone: event.time_zone,
        startDate: event.start_date, endDate: event.end_date, series: event.series, workingGroupCode: event.working_group_code, summary: event.summary,
      },
      agenda: agenda.map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at, endsAt: s.ends_at, room: s.room, onlineUrl: s.online_url, speakers: s.speakers })),
      papers: papers
        .filter((p) => canReadPaper(viewer, p.sensitivity, { participantStatus }))
        .map((p) => ({ id: p.id, title: p.title, kind: p.kind, language: p.language, version: p.number, sizeBytes: p.size_bytes, fileType: p.file_type })),
      participants: participants.map((p) => ({ name: p.name, organisation: p.organisation, memberCode: p.member_code, memberName: p.member_name })),
      openActions,
    };
  }
}
