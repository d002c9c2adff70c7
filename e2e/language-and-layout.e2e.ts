import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('language, small screens and the keyboard', () => {
  it('switches to Bahasa Indonesia, remembers it across a reload, and keeps it after sign-in', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await expectAccessible(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await page.getByLabel('Email').fill(demo.staff.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(demo.staff.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.getByRole('link', { name: 'Akun' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await expectAccessible(page);
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });

  it('works on a 360-pixel phone without sideways scrolling', async () => {
    const page = await (await newContext(browser, { width: 360 })).newPage();
    await signIn(page, demo.coordinator.email, demo.coordinator.password);
    for (const path of ['/', '/account', '/admin/invitations']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  });

  it('signs in with the keyboard alone', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab'); // skip link
    const focused = async () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.getAttribute('name') ?? '');
    expect(await focused()).toMatch(/Skip to main content/);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(demo.researcher.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(demo.researcher.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expectAccessible(page);
  });
});
