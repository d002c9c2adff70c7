import type { FastifyInstance, onSendHookHandler } from 'fastify';

/** The methods that change nothing; every other one may. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs `fn` once a state-changing request (POST, PUT, PATCH, DELETE) of the routes registered after this call in
 * `app`'s context has run, its transaction committed and its answer not yet sent. Attached as a route-level hook to
 * those routes only, so reads (most requests, and the hot ones) carry no hook for it.
 */
export function afterWrite(app: FastifyInstance, fn: () => void): void {
  const hook: onSendHookHandler = (_request, _reply, payload, done) => {
    fn();
    done(null, payload);
  };
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((m) => !SAFE_METHODS.has(m))) return;
    route.onSend = route.onSend ? [...[route.onSend].flat(), hook] : [hook];
  });
}
