import type { FastifyInstance, FastifyRequest, onSendHookHandler } from 'fastify';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs `fn` once a state-changing request (POST, PUT, PATCH, DELETE) of the routes registered after this call in
 * `app`'s context has run, its transaction committed and its answer not yet sent. Attached as a route-level hook to
 * those routes only, so reads (most requests, and the hot ones) carry no hook for it.
 */
export function afterWrite(app: FastifyInstance, fn: (request: FastifyRequest) => void): void {
  const hook: onSendHookHandler = (request, _reply, payload, done) => {
    fn(request);
    done(null, payload);
  };
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((m) => !READS.has(m))) return;
    route.onSend = route.onSend ? [...[route.onSend].flat(), hook] : [hook];
  });
}
