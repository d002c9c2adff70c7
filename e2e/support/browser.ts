import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { totpCode } from '../../src/server/platform/auth/totp';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium, headless, with no network beyond this machine. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function newContext(browser: Browser, opts: { width?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), viewport: { width: opts.width ?? 1280, height: 900 }, locale: 'en-GB' });
}

/**
 * One Chromium for the spec file that calls this at its top level, closed with every context it opened after the
 * file's tests. `open()` gives a new page in a fresh context (its own cookies), optionally at a phone's width.
 */
export function browserPerFile(): { open: (opts?: { width?: number }) => Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return {
    async open(opts = {}) {
      if (!browser) throw new Error('browserPerFile: open() is for tests, after the browser started');
      const context = await newContext(browser, opts);
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `axe violations on ${page.url()}`).toEqual([]);
}

/** Steps used so far, kept in a file beside the test database because each test file has its own modules. */
function stepsFile(): string {
  return `${inject('dbPath')}.totp-steps.json`;
}
function readSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile(), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A TOTP code the server has not seen yet. The server accepts the previous, current and next 30-second step
 * and each step once, so two sign-ins fit in one step; beyond that this waits for the next one.
 */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const steps = readSteps();
    const step = Math.max((steps[secret] ?? -Infinity) + 1, now);
    if (step <= now + 1) {
      fs.writeFileSync(stepsFile(), JSON.stringify({ ...steps, [secret]: step }));
      return totpCode(secret, step * 30_000 + 15_000);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in through the sign-in page, with the code step when asked. */
export async function signIn(page: Page, email: string, password: string, totpSecret?: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (totpSecret) {
    await page.getByLabel('Authentication code').fill(await freshCode(totpSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export const demo = {
  admin: { email: 'admin@demo.hub.example', password: 'demo-admin-Bangkok-2012' },
  staff: { email: 'staff@demo.hub.example', password: 'demo-staff-Bangkok-2012' },
  coordinator: { email: 'coordinator@demo.hub.example', password: 'demo-coord-Suva-2002' },
  official: { email: 'official@demo.hub.example', password: 'demo-official-Hanoi-2002' },
  researcher: { email: 'researcher@demo.hub.example', password: 'demo-research-Dili-2002' },
};
