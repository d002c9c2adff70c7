import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Hub } from '../../../app';
import { registerProblemHandlers } from '../../../platform/http/problem';
import { cookieSettings, registerSessionHook } from '../../../platform/http/session-hook';
import { exchangeRoutes } from './exchange.routes';
import { DirectoryExportService } from './export.service';
import { DirectoryImportService, IMPORT_JOB } from './import.service';

/**
 * For the exchange tests: the hub's own app when app.ts registers the exchange routes, otherwise a Fastify instance
 * put together the way app.ts does it (session hook, problem handlers, zod), on the same platform and database.
 */
export async function exchangeApp(hub: Hub): Promise<FastifyInstance> {
  if (hub.routes.some((r) => r.url === '/api/directory/imports')) return hub.app;
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  registerSessionHook(app, hub.deps, cookieSettings(hub.deps.config.PUBLIC_URL));
  registerProblemHandlers(app);
  await app.register(exchangeRoutes, { exports: new DirectoryExportService(hub.deps), imports: new DirectoryImportService(hub.deps) });
  await app.ready();
  return app;
}

export interface Caller {
  cookie?: string;
  csrf: string;
}

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  raw: Buffer;
  text: string;
  /** The parsed JSON body; `unknown` so that each test says what it expects. */
  json: unknown;
}

/** A request as a browser would send it: session cookie, CSRF header, and a JSON body or a raw file. */
export async function call(app: FastifyInstance, who: Caller, method: 'GET' | 'POST' | 'DELETE', url: string, body?: { json?: unknown; file?: Buffer; contentType?: string }): Promise<Reply> {
  const headers: Record<string, string> = { 'user-agent': 'exchange-test' };
  if (who.cookie) headers.cookie = who.cookie;
  if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  let payload: string | Buffer | undefined;
  if (body?.file) {
    headers['content-type'] = body.contentType ?? 'application/octet-stream';
    payload = body.file;
  } else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body?.json ?? {});
  }
  const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  let json: unknown;
  try {
    json = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, text: res.body, json };
}

/** Runs the import job in this process, as a worker would (tests run without background workers). */
export async function runImportJob(hub: Hub, importId: string): Promise<void> {
  await hub.deps.jobs.runNow(IMPORT_JOB, { importId });
}

/** vCard text: each physical line at most 75 octets, whole UTF-8 sequences, CRLF-terminated; the text ends with CRLF. */
export function expectWellFormed(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const bytes = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      start = i + 2;
    }
  }
}
