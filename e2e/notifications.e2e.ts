import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demo, expectAccessible, launch, newContext, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('notification settings and calendar feed', () => {
  it('a daily digest chosen for one kind is kept after a reload', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, demo.coordinator.email, demo.coordinator.password);
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Email notifications' }).waitFor();
    const papers = page.getByLabel('Papers published or updated');
    await expect.poll(() => papers.inputValue()).toBe('immediately');
    await expectAccessible(page);
    await papers.selectOption({ label: 'Daily digest' });
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Your notification settings are saved.').waitFor();
    await expectAccessible(page);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Email notifications' }).waitFor();
    await expect.poll(() => page.getByLabel('Papers published or updated').inputValue()).toBe('daily');
    expect(await page.getByLabel('Invitations to events').inputValue()).toBe('immediately');
    await expectAccessible(page);
  });

  it('the private feed is created, its address returns a calendar, a new address replaces it, and it can be turned off', async () => {
    const page = await (await newContext(browser, { width: 360 })).newPage();
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Calendar feed' }).waitFor();
    await page.getByText('You have no private calendar feed.').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create private feed' }).click();
    const field = page.getByLabel('Private feed address');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url.startsWith(`${baseUrl()}/api/calendar/feeds/`)).toBe(true);
    await expectAccessible(page);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.name).toBe('vcalendar');

    // A new address: the dialog asks first, then the old address stops working.
    await page.getByRole('button', { name: 'Make a new address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new feed address?' });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Make a new address' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    const second = await field.inputValue();
    expect((await fetch(second)).status).toBe(200);

    await page.getByRole('button', { name: 'Turn off private feed' }).click();
    const off = page.getByRole('dialog', { name: 'Turn off your private feed?' });
    await off.getByRole('button', { name: 'Turn off private feed' }).click();
    await page.getByText('Your private feed is turned off.').waitFor();
    expect((await fetch(second)).status).toBe(404);
    await expectAccessible(page);

    await page.reload();
    await page.getByText('You have no private calendar feed.').waitFor();
    await expectAccessible(page);
  });
});
