import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import { PreparedJson } from '../../platform/http/compression';

/** An answer as cached: its JSON text, and until when (clock time, ms) it stays right if nothing is written. */
export interface Cacheable {
  json: string;
  /** `Infinity` when only a write can change it; a confirmation falling due changes a hit's freshness. */
  until: number;
}

/**
 * How long a version read is trusted. A write through another instance (or a script) shows within this time;
 * this instance's own writes through the directory API and its imports show at once ({@link DirectoryCache.forget}).
 * Reading it on every request costs a database round trip per search, about as much as the rest of a cached answer.
 */
export const VERSION_CHECK_MS = 1000;

interface Entry {
  /** The answer, with its compressed forms once a client has asked for them. */
  answer: PreparedJson;
  until: number;
  version: string;
}

/**
 * Answers of the directory's hot reads (search, coverage map) as JSON text, under the directory data version
 * (migration 015: a counter that triggers move forward in the same transaction as any write to the tables these
 * reads use). The version is read from the database before an answer is computed and the answer is kept under
 * it, so an answer computed while a write commits is only ever kept under the older version and never served
 * again once the newer one is read; a write committed by any instance is seen at the next read of the version.
 *
 * The version is read at most every `checkMs`, and at once after a write through this instance's directory API
 * or import (see {@link forget}).
 */
export class DirectoryCache {
  private readonly entries = new Map<string, Entry>();
  /** Answers being computed, so that a burst of the same request computes (and compresses) it once. */
  private readonly pending = new Map<string, Promise<{ answer: PreparedJson; until: number }>>();
  /** Small reads many answers need (the Members), kept under the version they were read at. */
  private readonly memos = new Map<string, { version: string; value: Promise<unknown> }>();
  private known: { version: string; at: number } | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly opts: { maxEntries: number; checkMs: number } = { maxEntries: 5000, checkMs: VERSION_CHECK_MS },
  ) {}

  /** The data version, from the database unless read less than `checkMs` ago. */
  async version(): Promise<string> {
    const now = performance.now();
    if (this.known && now - this.known.at < this.opts.checkMs) return this.known.version;
    const { rows } = await sql<{ version: string | number }>`select version from directory_version where id = 1`.execute(this.db);
    const version = String(rows[0]?.version ?? '');
    if (version !== this.known?.version) this.entries.clear();
    this.known = { version, at: now };
    return version;
  }

  /** Makes the next request read the version again (this instance has just written). */
  forget(): void {
    this.known = null;
  }

  /**
   * `compute()`'s value kept under the current data version, for reference data that many answers read (a few dozen
   * Members): computed answers (a search nobody asked before) need not read it again until a write. Same version
   * rule as answers: read before computing, so a value read while a write commits is dropped at the next version
   * read. A failed computation is not kept.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.version();
    const hit = this.memos.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = compute();
    this.memos.set(key, { version, value });
    value.catch(() => {
      if (this.memos.get(key)?.value === value) this.memos.delete(key);
    });
    return value;
  }

  /**
   * The cached answer for `key` when one is valid and the data version was read less than `checkMs` ago; otherwise
   * undefined, and `get` must run. Synchronous, so that the common case (a repeated search) costs no promise.
   */
  peek(key: string): PreparedJson | undefined {
    if (!this.known || performance.now() - this.known.at >= this.opts.checkMs) return undefined;
    return this.hit(key, this.known.version, this.clock.now().getTime());
  }

  private hit(key: string, version: string, now: number): PreparedJson | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version || hit.until <= now) return undefined;
    // Most recently used last, so that eviction drops the least recently used first.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.answer;
  }

  /** The cached answer for `key`, or `compute()`'s, kept when it is still valid. */
  async get(key: string, compute: () => Promise<Cacheable>): Promise<PreparedJson> {
    const version = await this.version();
    const now = this.clock.now().getTime();
    const cached = this.hit(key, version, now);
    if (cached) return cached;
    const flight = `${version}\u0000${key}`;
    let computing = this.pending.get(flight);
    if (!computing) {
      computing = compute()
        .then((value) => ({ answer: new PreparedJson(value.json), until: value.until }))
        .finally(() => this.pending.delete(flight));
      this.pending.set(flight, computing);
    }
    const { answer, until } = await computing;
    if (until > now && this.known?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, { answer, until, version });
      if (this.entries.size > this.opts.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    return answer;
  }
}

const caches = new WeakMap<Kysely<DB>, DirectoryCache>();

/** The one cache of a hub (per database handle), shared by the services that read through it. */
export function directoryCache(d: Pick<PlatformDeps, 'db' | 'clock'>): DirectoryCache {
  let cache = caches.get(d.db);
  if (!cache) caches.set(d.db, (cache = new DirectoryCache(d.db, d.clock)));
  return cache;
}
