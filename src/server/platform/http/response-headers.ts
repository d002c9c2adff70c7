import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers (Content-Security-Policy, HSTS, X-Content-Type-Options, ...), worked out once at start-up
 * and set on every response by one hook. @fastify/helmet builds helmet's middleware again for every request, which
 * re-parses the policy each time: about 8% of the CPU time of a cached directory search in a profile. The headers
 * carry no per-request value (no CSP nonces), so the same set serves every request; a route may still replace one
 * (the API docs set their own CSP).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, collect as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: the security headers cannot be computed once');
  return headers;
}

/**
 * The headers of an API answer (JSON, problem+json, downloads sent as attachments), which no browser renders as a
 * page: OWASP's REST security set (a policy that allows nothing, no sniffing, no framing; HSTS as for pages). Left
 * out as they do nothing for such answers: the page's CSP, opener and agent-cluster isolation, the legacy IE and
 * Flash switches, Referrer-Policy (an answer has no links to follow) and Cross-Origin-Resource-Policy (another site
 * cannot read an answer anyway: the session cookie is SameSite=Lax, so a cross-site request carries none, and a
 * browser blocks cross-origin JSON sent with nosniff). Each header is sent with every answer, on slow links; these
 * two were 4% of a cached search answer's bytes.
 */
export function apiSecurityHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  const hsts = documentHeaders['strict-transport-security'];
  if (hsts) headers['strict-transport-security'] = hsts;
  return headers;
}

/**
 * The headers every answer starts with, set by one hook as the request arrives (a route may still replace one):
 * the request id (for support and the audit trail); pages and assets get helmet's full set; API answers the API set
 * and `cache-control: no-store`, as they carry personal data (the API docs are a page).
 */
export function registerResponseHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const documentHeaders = securityHeaders(options);
  const apiHeaders = { ...apiSecurityHeaders(documentHeaders), 'cache-control': 'no-store' };
  app.addHook('onRequest', (request, reply, next) => {
    const api = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    reply.headers(api ? apiHeaders : documentHeaders).header('x-request-id', request.id);
    next();
  });
}
