import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/** The directory: agencies of Members and Observers, positions, people, their contact channels and history. */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {

  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_code', 'text', (c) => c.notNull().references('members.code'))
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_local', 'text')
    .addColumn('acronym', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('website', 'text')
    .addColumn('address', 'text')
    .addColumn('last_confirmed_at', 'text')
    .addColumn('last_confirmed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_member').on('agencies').columns(['member_code', 'name_en']).execute();

  await db.schema
    .createTable('agency_mandates')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('mandate_code', 'text', (c) => c.notNull().references('mandates.code'))
    .addPrimaryKeyConstraint('agency_mandates_pk', ['agency_id', 'mandate_code'])
    .execute();
  await db.schema.createIndex('agency_mandates_mandate').on('agency_mandates').columns(['mandate_code', 'agency_id']).execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('name_local', 'text')
    .addColumn('title', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_confirmed_at', 'text')
    .addColumn('last_confirmed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_channels_person').on('contact_channels').column('person_id').execute();
  await db.schema.createIndex('contact_channels_value').on('contact_channels').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('working_group_code', 'text', (c) => c.references('working_groups.code'))
    .addColumn('last_confirmed_at', 'text')
    .addColumn('last_confirmed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('positions_agency').on('positions').column('agency_id').execute();
  await db.schema.createIndex('positions_confirmed').on('positions').column('last_confirmed_at').execute();

  await db.schema
    .createTable('position_themes')
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('theme_code', 'text', (c) => c.notNull().references('themes.code'))
    .addPrimaryKeyConstraint('position_themes_pk', ['position_id', 'theme_code'])
    .execute();

  /** Who held a position when: the position keeps its history, the person record stays. */
  await db.schema
    .createTable('position_holders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('position_holders_position').on('position_holders').columns(['position_id', 'end_date']).execute();
  await db.schema.createIndex('position_holders_person').on('position_holders').column('person_id').execute();

  /** Emailed single-use links with which a focal point confirms their own record without signing in. */
  await db.schema
    .createTable('confirmation_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  /** The search index: one row per (document, token); see platform/search for how tokens are made. */
  await db.schema
    .createTable('search_tokens')
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_tokens_pk', ['token', 'doc_type', 'doc_id'])
    .execute();
  await db.schema.createIndex('search_tokens_doc').on('search_tokens').columns(['doc_type', 'doc_id']).execute();
}
