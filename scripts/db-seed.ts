/**
 * `npm run db:seed`: loads reference data (Members, Observers, sub-regions, working groups, themes, mandates).
 * `npm run db:seed -- --demo` also creates the fictional demo accounts and directory, when the database has no account yet.
 */
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { seedDemo, seedReference } from '../src/server/db/seed/seed';
import { AuditTrail } from '../src/server/platform/audit/audit';
import { systemClock } from '../src/server/platform/clock';

const demo = process.argv.includes('--demo');
const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database);
  const added = await seedReference(database.db);
  console.log(`Reference data: ${added} rows added (existing rows left as they are).`);
  if (demo) {
    const result = await seedDemo({ db: database.db, clock: systemClock, audit: new AuditTrail(database.dialect, systemClock), config });
    console.log(result.created ? 'Demo accounts created:' : 'Accounts exist already; demo accounts present:');
    for (const a of result.accounts) console.log(`  ${a.role.padEnd(20)} ${a.email.padEnd(36)} ${a.password}`);
    const d = result.directory;
    if (d) console.log(`Fictional directory: ${d.agencies} agencies, ${d.positions} positions, ${d.people} people, ${d.channels} contact channels.`);
  }
} finally {
  await database.close();
}
