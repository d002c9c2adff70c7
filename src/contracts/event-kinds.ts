/**
 * The events' fixed lists, as plain constants: no zod here, so the web app can import them without pulling zod into
 * the events page's first load (as contracts/roles.ts). The zod schemas are in ./events.
 */

/** Kinds of meeting the secretariat runs (issue 4). */
export const eventTypes = [
  'ministerial_conference', 'senior_officials', 'working_group_meeting', 'roundtable', 'thematic_dialogue', 'training_course', 'pre_briefing', 'webinar',
] as const;
export const eventFormats = ['in_person', 'online', 'hybrid'] as const;
/** public: anyone, signed in or not; members: officials, coordinators and the secretariat; invited: those invited only. */
export const eventVisibilities = ['public', 'members', 'invited'] as const;
export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export const speakerRoles = ['speaker', 'moderator', 'chair', 'facilitator'] as const;
