import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('sessions', () => {
  it('a session ended from another device is thrown out at its next step', async () => {
    const laptop = await (await newContext(browser)).newPage();
    const phone = await (await newContext(browser, { width: 360 })).newPage();
    await signIn(phone, demo.official.email, demo.official.password);
    await signIn(laptop, demo.official.email, demo.official.password);

    await laptop.goto('/account');
    await laptop.getByRole('heading', { level: 2, name: 'Active sessions' }).waitFor();
    await expectAccessible(laptop);
    const otherRows = laptop.getByRole('row').filter({ hasNot: laptop.getByText('This device') }).filter({ has: laptop.getByRole('button', { name: 'End session' }) });
    const before = await otherRows.count();
    expect(before).toBeGreaterThanOrEqual(1);
    await otherRows.first().getByRole('button', { name: 'End session' }).click();
    const confirm = laptop.getByRole('dialog');
    if (await confirm.count()) await confirm.getByRole('button', { name: 'End session' }).click();
    await expect.poll(() => otherRows.count()).toBe(before - 1);

    // The phone's next step inside the app meets the ended session.
    await phone.getByRole('link', { name: 'Account' }).click();
    await phone.waitForURL(/sign-in/);
    await phone.getByText('Your session has ended. Please sign in again.').waitFor();
    await expectAccessible(phone);
  });

  it('a disabled account is thrown out at once', async () => {
    const researcher = await (await newContext(browser)).newPage();
    await signIn(researcher, demo.researcher.email, demo.researcher.password);
    await researcher.goto('/account');
    await researcher.getByRole('heading', { level: 1 }).waitFor();

    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/admin/users');
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Search').fill('researcher@demo');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.getByRole('link', { name: /Sam Demo-Researcher/ }).click();
    await admin.getByRole('button', { name: 'Disable' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await admin.getByText(/has been disabled/).waitFor();
    await expectAccessible(admin);

    await researcher.getByRole('link', { name: 'Home' }).click();
    await researcher.reload();
    await researcher.waitForURL(/sign-in/);
    await researcher.getByLabel('Email').fill(demo.researcher.email);
    await researcher.getByLabel('Password', { exact: true }).fill(demo.researcher.password);
    await researcher.getByRole('button', { name: 'Sign in' }).click();
    await researcher.getByText('This account is disabled. Contact the secretariat.').waitFor();
    await expectAccessible(researcher);

    // Enable again so other journeys can use the account.
    await admin.getByRole('button', { name: 'Enable' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await admin.getByText(/has been enabled/).waitFor();
  });
});
