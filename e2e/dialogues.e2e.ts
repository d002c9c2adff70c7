import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();
const openPage = (opts: { width?: number } = {}): Promise<Page> => browser.open(opts);

/** Mail held in the outbox for an address, of one kind (no SMTP in the e2e hub). */
function outbox(email: string, kind: string): { subject: string }[] {
  const db = new SQLite(inject('dbPath'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('select subject from outbox where to_address = ? and kind = ? order by created_at').all(email, kind) as { subject: string }[];
  } finally {
    db.close();
  }
}

describe('dialogues: start a thread, mention someone, reply as them, see it unread and then read', () => {
  const title = `Screening lists for returning crews ${unique()}`;
  let spaceUrl = '';
  let threadUrl = '';

  it('an official starts a thread mentioning the Fiji coordinator, with a server-rendered preview', async () => {
    const page = await openPage({ width: 360 });
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/dialogues');
    await page.getByRole('heading', { name: 'Dialogues', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Identification of and assistance for victims' }).click();
    await page.getByRole('heading', { name: 'Identification of and assistance for victims', level: 1 }).waitFor();
    spaceUrl = new URL(page.url()).pathname;
    await page.getByText('Pinned').first().waitFor();
    await expectAccessible(page);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Message').fill('Could @coordinator share the **Fiji** list? <script>window.__xss = 1</script>');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.dialogues-preview strong', { hasText: 'Fiji' }).waitFor();
    await expect(page.locator('.dialogues-preview').textContent()).resolves.toContain('<script>window.__xss = 1</script>');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    threadUrl = new URL(page.url()).pathname;
    await page.locator('.dialogues-body strong', { hasText: 'Fiji' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expectAccessible(page);
    expect(outbox(demo.coordinator.email, 'mention').map((m) => m.subject)).toContain(`Linh Demo-Official (fictional) mentioned you in "${title}"`);
  });

  it('the mentioned coordinator sees the thread unread, replies quoting it, and it is read', async () => {
    const page = await openPage();
    await signIn(page, demo.coordinator.email, demo.coordinator.password);
    await page.goto(spaceUrl);
    const card = page.locator('.dialogues-card', { has: page.getByRole('link', { name: title }) });
    await card.getByText('1 unread').waitFor();
    await expectAccessible(page);
    await card.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Quote/ }).first().click();
    await page.getByText('Quoting Linh Demo-Official (fictional):').waitFor();
    await page.getByLabel('Your reply').fill('Yes — I will attach the Fijian list. Vinaka!');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('.dialogues-body', { hasText: 'Vinaka!' }).waitFor();
    await expectAccessible(page);
    await page.goto(spaceUrl);
    await page.getByRole('link', { name: title }).waitFor();
    await expect(card.getByText(/unread/).count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it('the author sees the reply unread, opens the thread, and it is read', async () => {
    const page = await openPage({ width: 360 });
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto(spaceUrl);
    const card = page.locator('.dialogues-card', { has: page.getByRole('link', { name: title }) });
    await card.getByText('1 unread').waitFor();
    await expectAccessible(page);
    const marked = page.waitForResponse((r) => r.url().endsWith('/read') && r.ok());
    await page.goto(threadUrl);
    await page.locator('.dialogues-body', { hasText: 'Vinaka!' }).waitFor();
    await marked;
    await expectAccessible(page);
    await page.goto(spaceUrl);
    await page.getByRole('link', { name: title }).waitFor();
    await expect(card.getByText(/unread/).count()).resolves.toBe(0);
    const threads = await call<{ items: { title: string; unreadCount: number }[] }>(page, 'GET', `/api/dialogues/spaces/${spaceUrl.split('/').pop() ?? ''}/threads`);
    expect(threads.items.find((x) => x.title === title)?.unreadCount).toBe(0);
  });
});

describe('dialogues: search', () => {
  it('an official finds a thread by a Khmer word and by Vietnamese typed without accents, and opens it', async () => {
    const page = await openPage({ width: 360 });
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/dialogues');
    await page.getByRole('heading', { name: 'Dialogues', level: 1 }).waitFor();
    await page.getByLabel('Search the dialogues').fill('កប៉ាល់');
    await page.getByRole('button', { name: 'Search' }).click();
    const hit = page.locator('.dialogues-card', { has: page.getByRole('link', { name: 'Screening questions for fishing-vessel crews' }) });
    await hit.locator('mark', { hasText: 'កប៉ាល់' }).waitFor();
    await page.getByRole('status').getByText(/^\d+ threads found$/).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Search the dialogues').fill('thuyen vien');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => (await hit.locator('mark').allTextContents()).map((m) => m.normalize('NFC').toLowerCase())).toEqual(expect.arrayContaining(['thuyền', 'viên']));
    expect(new URL(page.url()).searchParams.get('q')).toBe('thuyen vien');
    await hit.getByRole('link', { name: 'Screening questions for fishing-vessel crews' }).click();
    await page.getByRole('heading', { name: 'Screening questions for fishing-vessel crews', level: 1 }).waitFor();
    await expectAccessible(page);
  });
});
