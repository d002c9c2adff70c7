/** `npm run audit:verify`: walks the audit chain of the configured database; exits 1 when it is broken. */
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { verifyAuditChain } from '../src/server/platform/audit/audit';

const database = await openDatabase(loadConfig());
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(`Audit trail intact: ${result.checked} entries verified.`);
  } else {
    console.error(`Audit trail BROKEN at entry ${result.brokenAt}: ${result.reason}. ${result.checked} entries before it verified.`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
