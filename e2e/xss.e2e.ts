import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { demo, launch, newContext, signIn } from './support/browser';

/**
 * Stored XSS: a corpus of well-known vectors (e2e/xss.vectors.txt, one a line) is fed through every text field of
 * the dialogues (space name and description, thread title, post body, report reason) through the API, then every
 * page that shows them is opened in Chromium with hooks that notice any script that runs: alert/confirm/prompt
 * replaced by a recorder, dialogs recorded, and a `__xss` function exposed for vectors that call it.
 */
const vectors = fs.readFileSync(path.join(import.meta.dirname, 'xss.vectors.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const hits: string[] = [];

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser);
  await context.exposeFunction('__xssHit', (what: string) => {
    hits.push(what);
  });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xssHit: (s: string) => void };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      w[name] = (...args: unknown[]) => {
        w.__xssHit(`${name}(${args.map(String).join(',')}) at ${location.pathname}`);
      };
    }
    w.__xss = () => w.__xssHit(`__xss() at ${location.pathname}`);
  });
  page = await context.newPage();
  page.on('dialog', (d) => {
    hits.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Clicks "Load more" until every page is shown. */
async function loadAll(p: Page): Promise<void> {
  const more = p.getByRole('button', { name: 'Load more' });
  for (let i = 0; i < 20 && (await more.count()) > 0; i++) {
    const before = await p.locator('.dialogues-card, .dialogues-post').count();
    await more.click();
    await p.waitForFunction((n) => document.querySelectorAll('.dialogues-card, .dialogues-post').length > n, before);
  }
}

/** Nothing a post rendered is an element that runs script, a handler, or an unsafe link. */
async function renderedIsInert(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('.dialogues-body *'))) {
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'MATH', 'STYLE', 'LINK', 'META', 'BASE', 'FORM', 'INPUT'].includes(el.tagName.toUpperCase())) bad.push(el.outerHTML);
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc') bad.push(el.outerHTML);
      const href = el.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/i.test(href)) bad.push(el.outerHTML);
    }
    return bad;
  });
}

describe('stored XSS: the corpus through every text field of the dialogues', () => {
  it(`has at least 150 vectors (${vectors.length})`, () => {
    expect(vectors.length).toBeGreaterThanOrEqual(150);
  });

  it('runs no script on any page that shows them', { timeout: 600_000 }, async () => {
    await signIn(page, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    // The hooks notice a script that runs (a control: this one is ours).
    await page.evaluate(() => window.alert('control'));
    await expect.poll(() => hits.length).toBe(1);
    hits.length = 0;
    const tag = unique();
    // Space names and descriptions (the secretariat's fields): 15 vectors a space, invite-only so only the secretariat sees them.
    const spaceIds: string[] = [];
    for (let i = 0; i < vectors.length; i += 15) {
      const chunk = vectors.slice(i, i + 15);
      const space = await call<{ id: string }>(page, 'POST', '/api/dialogues/spaces', {
        name: `${chunk[0] ?? ''} ${tag}`.slice(-160), description: chunk.join('\n').slice(0, 2000), kind: 'theme', themeCode: 'technology', access: 'invited',
      });
      spaceIds.push(space.id);
    }
    const corpus = await call<{ id: string }>(page, 'POST', '/api/dialogues/spaces', { name: `XSS corpus ${tag}`, description: 'Every vector as a thread title and a first post.', kind: 'theme', themeCode: 'technology', access: 'invited' });
    // Thread titles and first posts: one vector each.
    const threadIds: string[] = [];
    for (const v of vectors) threadIds.push((await call<{ id: string }>(page, 'POST', `/api/dialogues/spaces/${corpus.id}/threads`, { title: v.slice(0, 200), body: v })).id);
    // Replies: one vector each, in one thread (paged with "Load more").
    const replies = await call<{ id: string }>(page, 'POST', `/api/dialogues/spaces/${corpus.id}/threads`, { title: `All vectors as replies ${tag}`, body: 'Replies follow.' });
    for (const v of vectors) await call(page, 'POST', `/api/dialogues/threads/${replies.id}/posts`, { body: v });
    // Report reasons: the vectors, joined up to the field's 1000 characters.
    const firstPosts = await call<{ items: { id: string }[] }>(page, 'GET', `/api/dialogues/threads/${replies.id}/posts?limit=100`);
    let reason = '';
    let n = 0;
    for (const v of vectors) {
      if ((reason + v).length > 990) {
        await call(page, 'POST', `/api/dialogues/posts/${firstPosts.items[n++ % firstPosts.items.length]?.id ?? ''}/reports`, { reason });
        reason = '';
      }
      reason += `${v}\n`;
    }
    if (reason) await call(page, 'POST', `/api/dialogues/posts/${firstPosts.items[n % firstPosts.items.length]?.id ?? ''}/reports`, { reason });

    // The pages that show them.
    await page.goto('/dialogues');
    await page.getByRole('heading', { name: 'Open reports' }).waitFor();
    await page.getByRole('link', { name: `XSS corpus ${tag}` }).waitFor();
    for (const id of spaceIds) {
      await page.goto(`/dialogues/${id}`);
      await page.locator('h1').waitFor();
    }
    await page.goto(`/dialogues/${corpus.id}`);
    await page.locator('.dialogues-card').first().waitFor();
    await loadAll(page);
    expect(await page.locator('.dialogues-card').count()).toBe(vectors.length + 1);
    await page.goto(`/dialogues/threads/${replies.id}`);
    await page.locator('.dialogues-post').first().waitFor();
    await loadAll(page);
    expect(await page.locator('.dialogues-post').count()).toBe(vectors.length + 1);
    expect(await renderedIsInert(page)).toEqual([]);
    // The server-rendered preview, with the whole corpus at once.
    await page.getByLabel('Your reply').fill(vectors.join('\n\n').slice(0, 19_000));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.dialogues-preview .dialogues-body').waitFor();
    expect(await renderedIsInert(page)).toEqual([]);
    // A sample of thread pages (title as the page heading, vector as the first post).
    for (const id of threadIds.filter((_, i) => i % 10 === 0)) {
      await page.goto(`/dialogues/threads/${id}`);
      await page.locator('.dialogues-post').first().waitFor();
      expect(await renderedIsInert(page)).toEqual([]);
    }
    // Give timers and late events (onerror of lazily failing loads, animations) a moment.
    await page.waitForTimeout(1500);
    expect(hits).toEqual([]);
  });
});

describe('stored XSS: the corpus through the text fields of the library and of good practices', () => {
  it('runs no script on the pages that show them', { timeout: 600_000 }, async () => {
    // The administrator (signed in by the test above, in this context) writes the library fields.
    await page.goto('/library');
    const tag = unique();
    const resourceIds: string[] = [];
    for (let i = 0; i < vectors.length; i += 15) {
      const chunk = vectors.slice(i, i + 15);
      const resource = await call<{ id: string }>(page, 'POST', '/api/library', {
        type: 'report', title: `${chunk[0] ?? ''} ${tag}`.slice(-300), description: chunk.join('\n').slice(0, 5000), publisher: (chunk[1] ?? '').slice(0, 300),
        languages: ['en'], sensitivity: 'secretariat',
      });
      resourceIds.push(resource.id);
    }
    // An official writes the practice fields, as a draft of their own Member's (only they and the secretariat see it).
    const official = await newContext(browser);
    const officialPage = await official.newPage();
    officialPage.on('dialog', (d) => {
      hits.push(`dialog ${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await signIn(officialPage, demo.official.email, demo.official.password);
    const practiceIds: string[] = [];
    for (let i = 0; i < vectors.length; i += 15) {
      const chunk = vectors.slice(i, i + 15);
      const field = (k: number) => chunk.slice(k).join('\n').slice(0, 2000);
      const practice = await call<{ id: string }>(officialPage, 'POST', '/api/practices', {
        title: `${chunk[0] ?? ''} ${tag}`.slice(-300), memberCode: 'VNM', problem: field(0), action: field(1), results: field(2), evidence: field(3), lessons: field(4), contact: field(5), languages: ['en'],
      });
      practiceIds.push(practice.id);
    }
    await official.close();

    // The administrator opens every page that shows them.
    await page.goto(`/library?q=${encodeURIComponent(tag)}`);
    await page.locator('h1').waitFor();
    for (const id of resourceIds) {
      await page.goto(`/library/${id}`);
      await page.locator('h1').waitFor();
    }
    for (const id of practiceIds) {
      await page.goto(`/practices/${id}`);
      await page.locator('h1').waitFor();
    }
    await page.goto('/search');
    await page.locator('h1').waitFor();
    await page.waitForTimeout(1500);
    expect(hits).toEqual([]);
  });
});
