import type { Kysely, Transaction } from 'kysely';
import type { DB, SessionsTable } from '../../db/schema';
import type { Clock } from '../clock';
import { MINUTE, HOUR } from '../clock';
import { newId, randomToken, sha256 } from '../crypto';

type Db = Kysely<DB> | Transaction<DB>;

export interface SessionUser {
  user_status: string;
  user_role: string;
  user_totp_enabled: number;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** How often last-seen is written back; between writes a session is still checked on every request. */
const TOUCH_EVERY_MS = MINUTE;

/**
 * How long (real time) a session read from the database may be reused by this instance for safe requests
 * (GET/HEAD/OPTIONS) without reading it again. Sessions ended on THIS instance (sign-out, sign-out everywhere,
 * password change, expiry) are dropped from the cache at once, and the session hook empties it after every
 * state-changing request (a role, status, scope or second-factor change happens in one); a session ended or an
 * account changed by ANOTHER instance is seen here at most this long afterwards. Expiry and the idle limit are
 * still checked against the clock on every request, and last-seen is still written back (see TOUCH_EVERY_MS).
 */
const REUSE_MS = 1500;
/** Sessions kept in the cache at most (oldest dropped first). */
const REUSE_MAX = 10_000;

export type ValidSession = SessionsTable & SessionUser;

/**
 * Server-side sessions. The cookie holds a 256-bit random token; the database holds only its SHA-256, so a
 * leaked table gives no usable tokens and any instance can validate any session.
 */
export class SessionStore {
  /**
   * token → the session as last read or touched; until when (performance.now()) it may be reused; and until when
   * (clock time, ms) it may be used as it is: before its absolute and idle limits and before its last-seen is due to
   * be written again (worked out once, when it is kept). Keyed by the token itself, which this process holds anyway
   * while it serves the request, for at most REUSE_MS: hashing it on every reuse was about 5% of the CPU time of a
   * cached directory search (profile under load). The database still holds only hashes.
   */
  private readonly reuse = new Map<string, { session: ValidSession; until: number; usableUntil: number }>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  async create(trx: Db, userId: string, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: SessionsTable }> {
    const token = randomToken(32);
    const now = this.clock.now();
    const session: SessionsTable = {
      id: newId(),
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: randomToken(24),
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 400),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.policy.absoluteHours * HOUR).toISOString(),
    };
    await trx.insertInto('sessions').values(session).execute();
    return { token, session };
  }

  /**
   * The session this instance read for the token less than REUSE_MS ago, when a safe request may use it as it is:
   * not past its limits, last-seen not due to be written, same IP. Otherwise undefined, and `validate` must run
   * (it reads, touches or deletes). Synchronous, so that the common case of a signed-in page's reads costs no
   * promise; it applies exactly the checks `validate` applies to a reused session.
   */
  reused(token: string, meta: { ip: string }): ValidSession | undefined {
    const cached = this.reuse.get(token);
    if (!cached || cached.until <= performance.now() || this.clock.now().getTime() >= cached.usableUntil) return undefined;
    return cached.session.ip === meta.ip ? cached.session : undefined;
  }

  /**
   * The live session for a token with its account's status, role and second-factor state (one query, as this
   * runs on every request), touching last-seen; expired sessions are deleted on sight.
   */
  async validate(token: string, meta: { ip: string; reuse?: boolean }): Promise<ValidSession | null> {
    const real = performance.now();
    const cached = this.reuse.get(token);
    let session: ValidSession | undefined;
    let until = real + REUSE_MS;
    if (cached && meta.reuse && cached.until > real) {
      session = cached.session;
      until = cached.until; // never extended by use, so that a change made elsewhere is seen within REUSE_MS
    } else {
      if (cached) this.reuse.delete(token);
      session = await this.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('sessions')
        .select(['users.status as user_status', 'users.role as user_role', 'users.totp_enabled as user_totp_enabled'])
        .where('sessions.token_hash', '=', sha256(token))
        .executeTakeFirst();
    }
    if (!session) return null;
    const now = this.clock.now().getTime();
    const idleDeadline = Date.parse(session.last_seen_at) + this.policy.idleMinutes * MINUTE;
    if (now >= Date.parse(session.expires_at) || now >= idleDeadline) {
      this.reuse.delete(token);
      await this.db.deleteFrom('sessions').where('id', '=', session.id).execute();
      return null;
    }
    if (now - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS || session.ip !== meta.ip) {
      const last_seen_at = new Date(now).toISOString();
      await this.db.updateTable('sessions').set({ last_seen_at, ip: meta.ip }).where('id', '=', session.id).execute();
      session = { ...session, last_seen_at, ip: meta.ip };
    }
    this.remember(token, session, until);
    return session;
  }

  /** Drops every session this instance reuses without reading (after a state-changing request: see REUSE_MS). */
  forgetAll(): void {
    this.reuse.clear();
  }

  private remember(token: string, session: ValidSession, until: number): void {
    this.reuse.delete(token);
    if (this.reuse.size >= REUSE_MAX) {
      const oldest = this.reuse.keys().next();
      if (!oldest.done) this.reuse.delete(oldest.value);
    }
    const lastSeen = Date.parse(session.last_seen_at);
    const usableUntil = Math.min(Date.parse(session.expires_at), lastSeen + this.policy.idleMinutes * MINUTE, lastSeen + TOUCH_EVERY_MS);
    this.reuse.set(token, { session, until, usableUntil });
  }

  private forget(match: (s: ValidSession) => boolean): void {
    for (const [token, { session }] of this.reuse) if (match(session)) this.reuse.delete(token);
  }

  /** Live sessions only: past neither the absolute nor the idle limit. */
  listForUser(db: Db, userId: string): Promise<SessionsTable[]> {
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.policy.idleMinutes * MINUTE).toISOString();
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('expires_at', '>', now.toISOString())
      .where('last_seen_at', '>', idleCutoff)
      .orderBy('last_seen_at', 'desc')
      .execute();
  }

  async delete(db: Db, id: string): Promise<void> {
    this.forget((s) => s.id === id);
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of a user, optionally keeping one (the one that changed the password). */
  async deleteAllForUser(db: Db, userId: string, exceptId?: string): Promise<number> {
    this.forget((s) => s.user_id === userId && s.id !== exceptId);
    const r = await db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(!!exceptId, (qb) => qb.where('id', '!=', exceptId ?? ''))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
