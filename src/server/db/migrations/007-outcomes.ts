import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * The RSO's five priorities from the September 2022 dialogue (source document, "where we prioritise efforts").
 * Reference data: administrators may rename them; codes are stable.
 */
export const rsoPriorities = [
  { code: 'secretariat-hub', name: 'A central secretariat hub for Members and Working Groups: communication on activities and meeting outcomes' },
  { code: 'research-coordination', name: 'Coordination with researchers for country- and sub-region-specific studies' },
  { code: 'stakeholder-mapping', name: 'Stakeholder mapping of Member and Observer agencies: an accurate, maintained record of focal points' },
  { code: 'online-platform', name: 'An online platform for best practices, thematic dialogues, roundtables, capacity building and pre-briefings' },
  { code: 'member-relations', name: 'Closer relationships with Members: secondment of officials and an alumni network' },
] as const;

/**
 * Outcomes: actions (recommendations) recorded from an event's outcome report, their dated updates with evidence,
 * and the due/overdue notices already sent (so the daily job never sends one twice).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('rso_priorities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  const raw = db as unknown as Kysely<{ rso_priorities: { code: string; name: string; sort_order: number } }>;
  await raw.insertInto('rso_priorities').values(rsoPriorities.map((p, i) => ({ code: p.code, name: p.name, sort_order: i }))).execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    /** member (owner_code: a Member code), rso (owner_code 'RSO'), working_group (owner_code: a working group code). */
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_code', 'text', (c) => c.notNull())
    /** A local date (YYYY-MM-DD), or null when the outcome report sets none. */
    .addColumn('due_date', 'text')
    /** proposed, agreed, in_progress, done, dropped */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_event').on('actions').columns(['event_id']).execute();
  await db.schema.createIndex('actions_due').on('actions').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('actions_owner').on('actions').columns(['owner_kind', 'owner_code']).execute();

  await db.schema
    .createTable('action_themes')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('theme_code', 'text', (c) => c.notNull().references('themes.code'))
    .addPrimaryKeyConstraint('action_themes_pk', ['action_id', 'theme_code'])
    .execute();
  await db.schema.createIndex('action_themes_theme').on('action_themes').columns(['theme_code', 'action_id']).execute();
  await db.schema
    .createTable('action_priorities')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('priority_code', 'text', (c) => c.notNull().references('rso_priorities.code'))
    .addPrimaryKeyConstraint('action_priorities_pk', ['action_id', 'priority_code'])
    .execute();
  await db.schema.createIndex('action_priorities_priority').on('action_priorities').columns(['priority_code', 'action_id']).execute();

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    /** The day the update reports on (YYYY-MM-DD). */
    .addColumn('dated', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** The progress after the update, when it changed it. */
    .addColumn('progress', 'integer')
    .addColumn('status_from', 'text')
    .addColumn('status_to', 'text')
    /** An http(s) link to the evidence, and/or a short note about it. */
    .addColumn('evidence_url', 'text')
    .addColumn('evidence_note', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_updates_action').on('action_updates').columns(['action_id', 'dated']).execute();

  await db.schema
    .createTable('action_notices')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    /** due (due within 7 days) or overdue */
    .addColumn('state', 'text', (c) => c.notNull())
    /** The due date the notice was about: a new due date may be notified again. */
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_notices_pk', ['action_id', 'state', 'due_date'])
    .execute();
}
