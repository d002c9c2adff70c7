import type { Kysely } from 'kysely';
import type { Role } from '@/contracts/roles';
import { searchIndex } from '../../modules/directory/search-index';
import { seedDialoguesDemo } from '../../modules/dialogues/dialogues.demo';
import { seedEventsDemo } from '../../modules/events/events.demo';
import { seedParticipationDemo } from '../../modules/events/participation.demo';
import { seedLibraryDemo } from '../../modules/library/library.demo';
import { seedOutcomesDemo } from '../../modules/outcomes/outcomes.demo';
import { seedPapersDemo } from '../../modules/papers/papers.demo';
import { seedPracticesDemo } from '../../modules/practices/practices.demo';
import { usersRepository } from '../../modules/users/users.repository';
import { hashPassword } from '../../platform/auth/passwords';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import type { Config } from '../../config';
import type { DB } from '../schema';
import type { DemoContext } from './demo-context';
import { seedDirectoryDemo, type DirectoryDemoCounts, type DirectoryDemoOptions, type LinkedAccount } from './directory-demo';
import members from './reference/members.json' with { type: 'json' };
import mandates from './reference/mandates.json' with { type: 'json' };
import subregions from './reference/subregions.json' with { type: 'json' };
import themes from './reference/themes.json' with { type: 'json' };
import workingGroups from './reference/working-groups.json' with { type: 'json' };

/**
 * Loads the reference data shipped in ./reference. Rows that exist are left as they are, so edits made by
 * administrators in the app survive a re-seed. Returns how many rows were added.
 */
export async function seedReference(db: Kysely<DB>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let added = 0;
    const count = (r: { numInsertedOrUpdatedRows?: bigint }[]) => r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0n), 0);
    added += count(await trx.insertInto('subregions').values(subregions.map((s) => ({ code: s.code, name: s.name, region_name: s.regionName }))).onConflict((oc) => oc.column('code').doNothing()).execute());
    added += count(
      await trx
        .insertInto('members')
        .values(members.map((m) => ({ code: m.code, name: m.name, kind: m.kind, participation: m.participation, iso3: m.iso3, subregion_code: m.subregionCode, joined_year: m.joinedYear, sort_name: m.name.toLowerCase() })))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute(),
    );
    added += count(await trx.insertInto('working_groups').values(workingGroups.map((w, i) => ({ code: w.code, name: w.name, kind: w.kind, co_chairs: JSON.stringify(w.coChairs), sort_order: i }))).onConflict((oc) => oc.column('code').doNothing()).execute());
    added += count(await trx.insertInto('themes').values(themes.map((t, i) => ({ ...t, sort_order: i }))).onConflict((oc) => oc.column('code').doNothing()).execute());
    added += count(await trx.insertInto('mandates').values(mandates.map((t, i) => ({ ...t, sort_order: i }))).onConflict((oc) => oc.column('code').doNothing()).execute());
    // Members are found by the directory search, under their current (possibly edited) names.
    for (const m of await trx.selectFrom('members').select(['code', 'name', 'iso3']).execute()) await searchIndex.put(trx, 'member', m.code, searchIndex.memberTexts(m));
    return added;
  });
}

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  displayName: string;
  memberScopes: string[];
}

/** One account per role. The people are fictional; the passwords are for a laptop demo only. */
export const demoAccounts: DemoAccount[] = [
  { role: 'secretariat_admin', email: 'admin@demo.hub.example', password: 'demo-admin-Bangkok-2012', displayName: 'Ayu Demo-Admin (fictional)', memberScopes: [] },
  { role: 'secretariat_staff', email: 'staff@demo.hub.example', password: 'demo-staff-Bangkok-2012', displayName: 'Niran Demo-Staff (fictional)', memberScopes: [] },
  { role: 'member_coordinator', email: 'coordinator@demo.hub.example', password: 'demo-coord-Suva-2002', displayName: 'Mere Demo-Coordinator (fictional)', memberScopes: ['FJI', 'TON'] },
  { role: 'official', email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002', displayName: 'Linh Demo-Official (fictional)', memberScopes: ['VNM'] },
  { role: 'researcher', email: 'researcher@demo.hub.example', password: 'demo-research-Dili-2002', displayName: 'Sam Demo-Researcher (fictional)', memberScopes: [] },
];

/** A few more fictional officials so that lists have something in them. */
const demoOfficials: [string, string, string][] = [
  ['Somchai Demo (fictional)', 'somchai@demo.hub.example', 'THA'],
  ['Sokha Demo (fictional)', 'sokha@demo.hub.example', 'KHM'],
  ['Dewi Demo (fictional)', 'dewi@demo.hub.example', 'IDN'],
  ['Aroha Demo (fictional)', 'aroha@demo.hub.example', 'NZL'],
  ['Maria Demo (fictional)', 'maria@demo.hub.example', 'PHL'],
  ['Tevita Demo (fictional)', 'tevita@demo.hub.example', 'TON'],
];

/** Demo accounts that also appear in the directory as focal points (people.user_id), so their private channels show to them. */
const directoryAccounts: Record<string, string[]> = {
  'official@demo.hub.example': ['vi', 'en'],
  'somchai@demo.hub.example': ['th', 'en'],
  'sokha@demo.hub.example': ['km', 'en', 'fr'],
};

export interface SeedDemoOptions {
  /** The fictional directory to add with the accounts (default: 6 agencies per Member); false for none. */
  directory?: false | Pick<DirectoryDemoOptions, 'agenciesPerMember' | 'positionsPerAgency' | 'seed'>;
  /** The events, papers and outcomes demo (default: on; needs the directory). */
  events?: false;
}

/**
 * Creates the demo accounts once (when no account exists yet), with the fictional directory (directory-demo.ts),
 * and returns the accounts for printing.
 */
export async function seedDemo(
  d: Pick<PlatformDeps, 'db' | 'clock' | 'audit'> & { config?: Pick<Config, 'CONFIRMATION_INTERVAL_DAYS'> & Partial<Pick<Config, 'UPLOAD_DIR' | 'PUBLIC_URL'>> },
  opts: SeedDemoOptions = {},
): Promise<{ created: boolean; accounts: DemoAccount[]; directory: DirectoryDemoCounts | null }> {
  const existing = await d.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) {
    const present = await d.db.selectFrom('users').select('email').where('email', 'in', demoAccounts.map((a) => a.email)).execute();
    const emails = new Set(present.map((p) => p.email));
    return { created: false, accounts: demoAccounts.filter((a) => emails.has(a.email)), directory: null };
  }
  const now = d.clock.now().toISOString();
  const all = [
    ...demoAccounts,
    ...demoOfficials.map(([displayName, email, member]): DemoAccount => ({ role: 'official', email, displayName, memberScopes: [member], password: `unused-${newId()}` })),
  ];
  const rows = await Promise.all(all.map(async (a) => ({ a, hash: await hashPassword(a.password) })));
  const directory = await d.db.transaction().execute(async (trx) => {
    const linked: LinkedAccount[] = [];
    for (const { a, hash } of rows) {
      const id = newId();
      const languages = directoryAccounts[a.email];
      if (languages && a.memberScopes[0]) linked.push({ userId: id, name: a.displayName.replace(/ \(fictional\)$/, ''), email: a.email, memberCode: a.memberScopes[0], languages });
      await usersRepository.insert(trx, {
        id, email: a.email, display_name: a.displayName, role: a.role, status: 'active', password_hash: hash, locale: 'en',
        totp_secret: null, totp_pending_secret: null, totp_enabled: 0, totp_last_step: null, failed_logins: 0, locked_until: null,
        last_login_at: null, password_changed_at: now, created_at: now, updated_at: now,
      }, a.memberScopes);
      await d.audit.record(trx, null, { action: 'user.seeded', entity: 'user', entityId: id, after: { email: a.email, role: a.role, member_scopes: a.memberScopes } });
    }
    if (opts.directory === false) return null;
    const userIds = new Map<string, string>();
    for (const u of await trx.selectFrom('users').select(['id', 'email']).execute()) userIds.set(u.email, u.id);
    const counts = await seedDirectoryDemo(trx, {
      ...opts.directory,
      now: d.clock.now(),
      intervalDays: d.config?.CONFIRMATION_INTERVAL_DAYS ?? 182,
      accounts: linked,
    });
    if (counts) await d.audit.record(trx, null, { action: 'directory.demo_seeded', entity: 'directory', entityId: null, after: { ...counts } });
    if (opts.events !== false) {
      // The secretariat hub's demo: events (with the September 2022 dialogue), participants, papers, then the actions.
      const ctx: DemoContext = { now: d.clock.now(), userIds, ...(d.config?.UPLOAD_DIR ? { config: { UPLOAD_DIR: d.config.UPLOAD_DIR, PUBLIC_URL: d.config.PUBLIC_URL ?? '' } } : {}) };
      const hub = { ...(await seedEventsDemo(trx, ctx)), ...(await seedParticipationDemo(trx, ctx)), ...(await seedPapersDemo(trx, ctx)), ...(await seedOutcomesDemo(trx, ctx)) };
      await d.audit.record(trx, null, { action: 'events.demo_seeded', entity: 'events', entityId: null, after: hub });
      // The exchange platform's demo: library resources, good practices, dialogue spaces with threads.
      const exchange = { ...(await seedLibraryDemo(trx, ctx)), ...(await seedPracticesDemo(trx, ctx)), ...(await seedDialoguesDemo(trx, ctx)) };
      await d.audit.record(trx, null, { action: 'exchange.demo_seeded', entity: 'exchange', entityId: null, after: exchange });
    }
    return counts;
  });
  return { created: true, accounts: demoAccounts, directory };
}
