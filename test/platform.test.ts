import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, ConfigError } from '@/server/config';
import { anonymous, createTestHub, login, makeUser, type TestHub } from './helpers/hub';

let hub: TestHub;
let web: string;
beforeAll(async () => {
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-web-'));
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Hub</title><script type="module" src="/assets/app-abc123.js"></script>');
  fs.writeFileSync(path.join(web, 'assets/app-abc123.js'), 'console.log(1)');
  // What the build writes next to a text asset (vite.config.ts): a brotli copy.
  fs.writeFileSync(path.join(web, 'assets/app-abc123.js.br'), zlib.brotliCompressSync('console.log(1)'));
  hub = await createTestHub({ WEB_DIST: web });
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(web, { recursive: true, force: true });
});

describe('HTTP platform', () => {
  it('sends security headers on every response, API and web', async () => {
    for (const url of ['/api/health', '/', '/account', '/api/nope']) {
      const res = await hub.app.inject({ url, headers: { accept: 'text/html' } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      if (url.startsWith('/api/')) {
        // API answers are never pages: a policy that allows nothing, and no framing at all.
        expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBeUndefined();
      } else {
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      }
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('adds HSTS when the hub is served over HTTPS', async () => {
    const secure = await createTestHub({ PUBLIC_URL: 'https://hub.example.org' });
    try {
      for (const url of ['/api/health', '/']) {
        const res = await secure.app.inject({ url, headers: { accept: 'text/html' } });
        expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      }
    } finally {
      await secure.close();
    }
  });

  it('marks authenticated API responses no-store', async () => {
    const agent = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
    const res = await agent.request('GET', '/api/users');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reads a session again after any state-changing request on this instance, not after reads', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = await login(hub, user);
    const other = await login(hub, await makeUser(hub, { role: 'official' }));
    expect((await agent.request('GET', '/api/users')).status).toBe(403);
    // A change this instance did not make itself (another instance, a script): a read may still reuse the session
    // it read a moment ago; any state-changing request here, by anyone and even a refused one, makes the next read
    // see it.
    await hub.deps.db.updateTable('users').set({ role: 'secretariat_staff' }).where('id', '=', user.id).execute();
    expect((await agent.request('GET', '/api/users')).status).toBe(403);
    const refused = await other.request('POST', '/api/directory/agencies', { name: '' });
    expect(refused.status).toBe(400);
    const after = await agent.request('GET', '/api/users');
    expect(after.status).toBe(200);
    expect(after.headers['cache-control']).toBe('no-store');
  });

  it('refuses API requests over the rate limit with a problem that says when to retry', async () => {
    const limited = await createTestHub({ API_RATE_PER_MINUTE: '2' });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await limited.app.inject({ url: '/api/reference' }));
      expect(answers.slice(0, 2).map((a) => a.statusCode)).toEqual([200, 200]);
      // Within the limit, answers carry no rate-limit headers (bytes on every answer).
      expect(answers[0]?.headers['x-ratelimit-remaining']).toBeUndefined();
      const refused = answers[2];
      expect(refused?.statusCode).toBe(429);
      expect(refused?.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused?.headers['x-ratelimit-limit']).toBe('2');
      // Pages and assets are not counted.
      expect((await limited.app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).not.toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('answers unknown API routes with problem+json, never HTML', async () => {
    const res = await anonymous(hub).request('GET', '/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
  });

  it('answers a malformed JSON body with a problem, without a stack trace', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' }, payload: '{"email": ' });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.code).toBe('bad_request');
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('serves the web app with a history fallback and caches hashed assets for a year', async () => {
    const page = await hub.app.inject({ url: '/admin/users?x=1', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Hub</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await hub.app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await hub.app.inject({ url: '/assets/missing-1.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('compresses answers for clients that accept it, and sends them plain to those that do not', async () => {
    const staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
    // A directory answer (prepared once, cached compressed) and one serialised per request (the reference data).
    for (const url of ['/api/directory/coverage', '/api/reference']) {
      const plain = await hub.app.inject({ url, headers: { cookie: staff.cookie ?? '' } });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);
      for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', zlib.brotliDecompressSync], ['gzip', 'gzip', zlib.gunzipSync]] as const) {
        const packed = await hub.app.inject({ url, headers: { cookie: staff.cookie ?? '', 'accept-encoding': accept } });
        expect(packed.statusCode).toBe(200);
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
        expect(packed.rawPayload.length).toBeLessThan(plain.body.length / 2);
        expect(JSON.parse(decode(packed.rawPayload).toString())).toEqual(JSON.parse(plain.body));
      }
    }
    // Built assets: the precompressed copy to a client that accepts it, the file itself to one that does not.
    const br = await hub.app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe('console.log(1)');
    const plainAsset = await hub.app.inject({ url: '/assets/app-abc123.js' });
    expect(plainAsset.headers['content-encoding']).toBeUndefined();
    expect(plainAsset.body).toBe('console.log(1)');
  });

  it('sends an answer asked for again with stronger brotli compression, the same JSON inside', async () => {
    const staff = await login(hub, await makeUser(hub, { role: 'secretariat_staff' }));
    const ask = () => hub.app.inject({ url: '/api/directory/coverage', headers: { cookie: staff.cookie ?? '', 'accept-encoding': 'br' } });
    const plain = JSON.parse((await hub.app.inject({ url: '/api/directory/coverage', headers: { cookie: staff.cookie ?? '' } })).body) as unknown;
    const first = await ask();
    expect(first.headers['content-encoding']).toBe('br');
    // The second ask starts the stronger compression off the event loop; a later ask gets its result.
    await ask();
    await vi.waitFor(async () => {
      const later = await ask();
      expect(later.rawPayload.length).toBeLessThan(first.rawPayload.length);
      expect(JSON.parse(zlib.brotliDecompressSync(later.rawPayload).toString())).toEqual(plain);
    }, { timeout: 5000, interval: 20 });
  });

  it('reports the database in /api/health', async () => {
    const res = await anonymous(hub).request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: hub.deps.dialect });
  });

  it('publishes an OpenAPI 3 document generated from the route schemas, and a docs page', async () => {
    const res = await anonymous(hub).request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit', '/api/invitations']));
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    const docs = await hub.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('configuration', () => {
  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '-5' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(loadConfig({}).SESSION_IDLE_MINUTES).toBe(30);
    expect(loadConfig({}).SESSION_ABSOLUTE_HOURS).toBe(12);
  });

  it('stops start-up with a message naming the variable', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, PORT: 'not-a-port', SQLITE_PATH: ':memory:' }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/Invalid configuration:\s+PORT:/);
  });
});

describe('graceful shutdown', () => {
  it('finishes and exits 0 on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-stop-'));
    // Below the ephemeral range (32768-60999), where outgoing connections take their local ports; the e2e server uses 20000-25999.
    const port = 26_000 + Math.floor(Math.random() * 6_000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, PORT: String(port), SQLITE_PATH: path.join(dir, 'hub.sqlite'), LOG_LEVEL: 'silent', SEED_DEMO: 'false' }, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    let up = false;
    while (!up && Date.now() < deadline) {
      up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 40_000);
});

describe('request ids behind a trusted proxy', () => {
  it("keeps the proxy's x-request-id when TRUST_PROXY is set", async () => {
    const proxied = await createTestHub({ TRUST_PROXY: 'true' });
    try {
      const res = await proxied.app.inject({ url: '/api/health', headers: { 'x-request-id': 'proxy-trace-0001' } });
      expect(res.headers['x-request-id']).toBe('proxy-trace-0001');
    } finally {
      await proxied.close();
    }
  });
});

describe('answers written in batches (platform/http/write-batching.ts)', () => {
  /** Sends `requests` in one TCP write (HTTP/1.1 pipelining: the server reads them in one go) and reads every answer. */
  async function pipelined(port: number, requests: { url: string; id: string }[]): Promise<{ status: number; headers: Map<string, string>; body: string }[]> {
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(requests.map((r, i) => `GET ${r.url} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-request-id: ${r.id}\r\n${i === requests.length - 1 ? 'connection: close\r\n' : ''}\r\n`).join(''));
      });
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks)));
      socket.on('error', reject);
    });
    const answers = [];
    let at = 0;
    while (at < raw.length) {
      const headEnd = raw.indexOf('\r\n\r\n', at);
      const [statusLine = '', ...lines] = raw.subarray(at, headEnd).toString('latin1').split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers.get('content-length'));
      answers.push({ status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(headEnd + 4, headEnd + 4 + length).toString() });
      at = headEnd + 4 + length;
    }
    return answers;
  }

  it('gives each of many requests read in one go its own complete answer, in order', async () => {
    const proxied = await createTestHub({ TRUST_PROXY: 'true' });
    try {
      await proxied.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = proxied.app.server.address() as net.AddressInfo;
      // Answers of different kinds, statuses and sizes, finished in the same batch.
      const asks = Array.from({ length: 30 }, (_, i) => ({ id: `batch-request-${String(i).padStart(4, '0')}`, url: i % 2 ? `/api/no-such-route-${i}` : '/api/health' }));
      const answers = await pipelined(port, asks);
      expect(answers).toHaveLength(asks.length);
      answers.forEach((a, i) => {
        const ask = asks[i];
        expect(a.headers.get('x-request-id')).toBe(ask?.id);
        if (ask?.url === '/api/health') expect([a.status, JSON.parse(a.body)]).toEqual([200, { status: 'ok', database: proxied.deps.dialect }]);
        else expect([a.status, a.headers.get('content-type'), (JSON.parse(a.body) as { instance: string }).instance]).toEqual([404, 'application/problem+json; charset=utf-8', ask?.url]);
      });
    } finally {
      await proxied.close();
    }
  });
});
