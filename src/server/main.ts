import { buildHub } from './app';
import { ConfigError, loadConfig } from './config';
import { seedDemo, seedReference } from './db/seed/seed';

/** Reads the configuration, builds the hub, seeds a fresh database, listens, and shuts down gracefully. */
async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const hub = await buildHub(config);
  const { app, deps } = hub;
  await seedReference(deps.db);
  const seedDemoData = config.SEED_DEMO ?? !config.DATABASE_URL;
  const demo = seedDemoData ? await seedDemo(deps) : null;

  await app.listen({ host: config.HOST, port: config.PORT });
  await hub.startJobs();
  const ms = Math.round(performance.now() - started);
  app.log.info({ startupMs: ms }, 'hub started');

  const url = config.PUBLIC_URL;
  const lines = [`\n  Bali Process Hub is running at ${url}  (${deps.dialect}, started in ${ms} ms)`, `  API docs: ${url}/api/docs`];
  if (demo?.accounts.length) {
    lines.push('', '  Demo accounts (fictional people; passwords for this machine only):');
    for (const a of demo.accounts) lines.push(`    ${a.role.padEnd(20)} ${a.email.padEnd(36)} ${a.password}`);
    lines.push('', '  The administrator sets up two-factor authentication at first sign-in (any TOTP app).');
    if (!config.SMTP_URL) lines.push('  No SMTP_URL: mail is held in the outbox (Administration > Outbox).');
  }
  console.log(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
