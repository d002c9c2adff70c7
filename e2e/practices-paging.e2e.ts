import { describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();

describe('good practices: paging and the contact-person picker', () => {
  const word = `Pagingtest${unique()}`;

  it('21 matching practices show 20 a page; the next page link shows the last one, and the count takes focus (360 px)', async () => {
    const official = await browser.open();
    await signIn(official, demo.official.email, demo.official.password);
    const admin = await browser.open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    const sections = { problem: 'A problem.', action: 'An action.', results: 'Results.', evidence: 'Evidence.', lessons: 'Lessons.', contact: 'A liaison (fictional)' };
    for (let i = 1; i <= 21; i++) {
      const p = await call<{ id: string }>(official, 'POST', '/api/practices', {
        title: `${word} practice ${String(i).padStart(2, '0')}`, memberCode: 'VNM', themes: ['victim-identification'], evidenceLinks: [], languages: ['en'], ...sections,
      });
      await call(official, 'POST', `/api/practices/${p.id}/submit`);
      await call(admin, 'POST', `/api/practices/${p.id}/publish`, { audience: 'public' });
    }

    const page = await browser.open({ width: 360 });
    await page.goto(`/practices?q=${word}`);
    await page.getByRole('heading', { level: 1, name: 'Good practices' }).waitFor();
    const count = page.getByRole('status').filter({ hasText: /^Practices / });
    await count.getByText('Practices 1–20 of 21').waitFor();
    await expect(page.locator('.practices-list > li').count()).resolves.toBe(20);
    const pager = page.getByRole('navigation', { name: 'Pages of practices' });
    await pager.getByText('Page 1 of 2').waitFor();
    await expect(pager.getByRole('link', { name: 'Previous page' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);

    await pager.getByRole('link', { name: 'Next page' }).click();
    await count.getByText('Practices 21–21 of 21').waitFor();
    await expect(page.locator('.practices-list > li').count()).resolves.toBe(1);
    await pager.getByText('Page 2 of 2').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toBe('Practices 21–21 of 21');
    await expectAccessible(page);

    await pager.getByRole('link', { name: 'Previous page' }).click();
    await count.getByText('Practices 1–20 of 21').waitFor();

    // A new search starts again at the first page.
    await pager.getByRole('link', { name: 'Next page' }).click();
    await count.getByText('Practices 21–21 of 21').waitFor();
    await page.getByLabel('Search practices').fill(`${word} practice 07`);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.getByRole('link', { name: `${word} practice 07` }).waitFor();
  });

  it('an official chooses the contact person from the directory with the picker; the practice links to them', async () => {
    const official = await browser.open({ width: 360 });
    await signIn(official, demo.official.email, demo.official.password);
    const people = await call<{ items: { id: string; title: string }[] }>(official, 'GET', '/api/directory/search?kind=person&q=nguyen&limit=1');
    const person = people.items[0];
    expect(person).toBeDefined();
    await official.goto('/practices/new');
    await official.getByRole('heading', { level: 1, name: 'Submit a practice' }).waitFor();
    await official.getByLabel('Title').fill(`${word} with a contact person`);
    const picker = official.getByRole('combobox', { name: 'Contact person in the directory (optional)' });
    await picker.fill(person!.title);
    const option = official.getByRole('option', { name: new RegExp(`^${person!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    await option.waitFor();
    await expectAccessible(official);
    await option.click();
    await expect(picker.inputValue()).resolves.toBe(person!.title);
    await official.getByRole('button', { name: 'Save draft' }).click();
    await official.getByRole('heading', { level: 1, name: `${word} with a contact person` }).waitFor();
    await official.getByRole('link', { name: person!.title }).waitFor();
    await expectAccessible(official);
  });
});
