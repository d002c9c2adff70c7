import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import pino from 'pino';
import { registerCompression } from './platform/http/compression';
import { registerResponseHeaders } from './platform/http/response-headers';
import { registerWriteBatching } from './platform/http/write-batching';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { accountRoutes } from './modules/account/account.routes';
import { AccountService } from './modules/account/account.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { AuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { AuthService } from './modules/auth/auth.service';
import { registerCalendarModule } from './modules/calendar/calendar.module';
import { AgenciesService } from './modules/directory/agencies.service';
import { CoverageService } from './modules/directory/coverage.service';
import { directoryRoutes } from './modules/directory/directory.routes';
import { registerDialoguesModule } from './modules/dialogues/dialogues.module';
import { registerEventsModule } from './modules/events/events.module';
import { registerParticipationModule } from './modules/events/participation.module';
import { exchangeRoutes } from './modules/directory/exchange/exchange.routes';
import { DirectoryExportService } from './modules/directory/exchange/export.service';
import { DirectoryImportService } from './modules/directory/exchange/import.service';
import { FocalPointsService } from './modules/directory/focal-points.service';
import { HistoryService } from './modules/directory/history.service';
import { NetworkService } from './modules/directory/network.service';
import { PeopleService } from './modules/directory/people.service';
import { DirectorySearchService } from './modules/directory/search.service';
import { healthRoutes } from './modules/health/health.routes';
import { registerLibraryModule } from './modules/library/library.module';
import { registerNotificationsModule } from './modules/notifications/notifications.module';
import { NotificationsService } from './modules/notifications/notifications.service';
import { registerOutcomesModule } from './modules/outcomes/outcomes.module';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { OutboxService } from './modules/outbox/outbox.service';
import { registerPapersModule } from './modules/papers/papers.module';
import { registerPracticesModule } from './modules/practices/practices.module';
import { registerPublicationsModule } from './modules/publications/publications.module';
import { registerSearchModule } from './modules/search/search.module';
import { referenceRoutes } from './modules/reference/reference.routes';
import { ReferenceService } from './modules/reference/reference.service';
import { usersRoutes } from './modules/users/users.routes';
import { UsersService } from './modules/users/users.service';
import { AuditTrail } from './platform/audit/audit';
import { SessionStore } from './platform/auth/sessions';
import { systemClock, type Clock } from './platform/clock';
import { randomToken, SecretBox } from './platform/crypto';
import type { PlatformDeps } from './platform/deps';
import { sendProblem, registerProblemHandlers } from './platform/http/problem';
import { cookieSettings, registerSessionHook } from './platform/http/session-hook';
import { PgBossQueue } from './platform/jobs/pgboss-queue';
import type { JobQueue } from './platform/jobs/queue';
import { TableJobQueue } from './platform/jobs/table-queue';
import { Mailer } from './platform/mail/mailer';

/** The daily job that emails focal points whose confirmation has fallen due. */
export const REMINDER_JOB = 'directory.reminders';

export interface Hub {
  app: FastifyInstance;
  /** Every API route registered, for the permission matrix test. */
  routes: { method: string; url: string }[];
  deps: PlatformDeps;
  database: Database;
  /** Starts background workers (after listen, or in tests that need them). */
  startJobs(): Promise<void>;
}

export interface BuildOptions {
  clock?: Clock;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  database?: Database;
  logger?: pino.Logger;
}

/** The secret from the environment, or one generated once and kept in the database for every instance. */
async function resolveSecret(database: Database, config: Config): Promise<string> {
  if (config.APP_SECRET) return config.APP_SECRET;
  const { db } = database;
  await db.insertInto('settings').values({ key: 'app_secret', value: randomToken(48) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'app_secret').executeTakeFirstOrThrow();
  return row.value;
}

/** Builds the whole hub: database (migrated), platform services, modules and HTTP server. Does not listen. */
export async function buildHub(config: Config, opts: BuildOptions = {}): Promise<Hub> {
  const log = opts.logger ?? pino({ level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] });
  const database = opts.database ?? (await openDatabase(config));
  await migrateToLatest(database);
  const clock = opts.clock ?? systemClock;
  const secrets = new SecretBox(await resolveSecret(database, config));
  const jobs: JobQueue =
    database.dialect === 'postgres' && config.DATABASE_URL
      ? new PgBossQueue(config.DATABASE_URL, `${config.DATABASE_SCHEMA ?? 'public'}_jobs`, log, config.RUN_JOBS)
      : new TableJobQueue(database.db, clock, log, 500, config.RUN_JOBS);
  const deps: PlatformDeps = {
    db: database.db,
    dialect: database.dialect,
    config,
    clock,
    log,
    secrets,
    jobs,
    audit: new AuditTrail(database.dialect, clock),
    sessions: new SessionStore(database.db, clock, { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS }),
    mailer: undefined as unknown as Mailer,
    notifier: undefined as unknown as NotificationsService,
  };
  deps.mailer = new Mailer(database.db, jobs, clock, log, config.SMTP_URL, config.MAIL_FROM);
  deps.notifier = new NotificationsService(deps);

  // Typed as Fastify's base logger so plugins and route modules see one instance type.
  const loggerInstance: FastifyBaseLogger = log;
  const app = Fastify({
    loggerInstance,
    // A proxy's request id is kept only when the proxy is trusted; otherwise a client could forge the id the
    // audit trail records.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return config.TRUST_PROXY && typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    // With logging off, the child logger Fastify builds for every request (its id bound) would never write: about
    // 3% of the CPU time of a cached directory search.
    childLoggerFactory: (logger, bindings, opts) => (logger.level === 'silent' ? logger : logger.child(bindings, opts)),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  const routes: Hub['routes'] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs/')) routes.push({ method, url: r.url });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const https = new URL(config.PUBLIC_URL).protocol === 'https:';
  registerResponseHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await registerCompression(app);
  registerWriteBatching(app);
  await app.register(cookie);

  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false }) : undefined;
  await app.register(rateLimit, {
    global: true,
    max: config.API_RATE_PER_MINUTE,
    timeWindow: 60_000,
    // Instances that share a database share their limits; the namespace keeps deployments (and test runs) apart.
    ...(redis ? { redis, nameSpace: `hub-rl:${config.DATABASE_SCHEMA ?? 'public'}:` } : {}),
    allowList: (req) => !req.url.startsWith('/api/'),
    // The limit and what remains of it are sent with the refusal (429, with retry-after), not with every answer:
    // about 90 bytes less on each, on slow links.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Bali Process Hub API', version: '0.1.0', description: 'Errors are application/problem+json with a stable `code` and field-level `errors`. State-changing requests need the `x-csrf-token` header from GET /api/auth/session.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: cookieSettings(config.PUBLIC_URL).name } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const cookieCfg = cookieSettings(config.PUBLIC_URL);
  registerSessionHook(app, deps, cookieCfg);
  registerProblemHandlers(app);

  await app.register(healthRoutes, { db: database.db, dialect: database.dialect });
  await app.register(authRoutes, { auth: new AuthService(deps), cookie: cookieCfg, absoluteHours: config.SESSION_ABSOLUTE_HOURS, loginRatePerMinute: config.LOGIN_RATE_PER_MINUTE });
  await app.register(accountRoutes, { account: new AccountService(deps) });
  await app.register(usersRoutes, { users: new UsersService(deps) });
  await app.register(auditRoutes, { audit: new AuditService(deps) });
  await app.register(outboxRoutes, { outbox: new OutboxService(deps) });
  await app.register(referenceRoutes, { reference: new ReferenceService(deps) });
  const agencies = new AgenciesService(deps);
  const people = new PeopleService(deps);
  const focalPoints = new FocalPointsService(deps, agencies, people);
  jobs.work(REMINDER_JOB, async () => {
    const sent = await focalPoints.sendDueReminders();
    log.info({ sent }, 'directory confirmation reminders sent');
  });
  jobs.daily(REMINDER_JOB, 2);
  await app.register(directoryRoutes, {
    agencies,
    people,
    focalPoints,
    search: new DirectorySearchService(deps),
    coverage: new CoverageService(deps),
    history: new HistoryService(deps),
    network: new NetworkService(deps),
  });
  // The import service registers its background job when built, so it is built here, before startJobs().
  await app.register(exchangeRoutes, { exports: new DirectoryExportService(deps), imports: new DirectoryImportService(deps) });
  // The secretariat hub (issue 4): each module registers its own services, jobs and routes.
  await registerEventsModule(app, deps);
  await registerParticipationModule(app, deps);
  await registerPapersModule(app, deps);
  await registerPublicationsModule(app, deps);
  await registerOutcomesModule(app, deps);
  await registerNotificationsModule(app, deps);
  await registerCalendarModule(app, deps);
  // The exchange platform (issue 5): library, good practices, thematic dialogues, and the search across them all.
  await registerLibraryModule(app, deps);
  await registerPracticesModule(app, deps);
  await registerDialoguesModule(app, deps);
  await registerSearchModule(app, deps);

  await registerWebApp(app, path.resolve(config.WEB_DIST));

  app.addHook('onClose', async () => {
    await jobs.stop();
    deps.mailer.close();
    redis?.disconnect();
    if (!opts.database) await database.close();
  });

  return {
    app,
    routes,
    deps,
    database,
    startJobs: async () => {
      await jobs.start();
      await deps.mailer.requeueStranded();
    },
  };
}

/** Serves the built single-page app: hashed assets cached for a year, index.html for every other page. */
async function registerWebApp(app: FastifyInstance, dist: string): Promise<void> {
  const index = path.join(dist, 'index.html');
  const hasWeb = fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies of the text assets (vite.config.ts); sent to clients that accept them.
      preCompressed: true,
      setHeaders: (reply, file) => {
        void reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const accept = String(req.headers.accept ?? '');
    if (req.method === 'GET' && !req.url.startsWith('/api/') && hasWeb && !req.url.startsWith('/assets/') && (accept.includes('text/html') || accept.includes('*/*'))) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(index));
    }
    return sendProblem(reply, req, 404, 'not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`);
  });
}
