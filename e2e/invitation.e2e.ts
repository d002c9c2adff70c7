import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { totpCode } from '../src/server/platform/auth/totp';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';
import { inject } from 'vitest';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('invitation to first sign-in', () => {
  it('an administrator invites a person, who creates the account, sets up two-factor and signs out', async () => {
    const email = `new-admin-${Date.now()}@test.hub.example`;

    // The administrator sends the invitation and reads it in the outbox (no mail server here).
    const adminCtx = await newContext(browser);
    const admin = await adminCtx.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Invitations' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Email').fill(email);
    await admin.getByLabel('Role').selectOption('secretariat_admin');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();
    await admin.getByRole("cell", { name: email }).first().waitFor();
    await admin.getByRole('link', { name: 'Outbox' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('row', { name: new RegExp(email) }).getByRole('button').first().click();
    const text = (await admin.locator('pre.message-text').textContent()) ?? '';
    const link = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(text)?.[0];
    expect(link).toBeTruthy();
    await expectAccessible(admin);

    // The invitee opens the link in their own browser.
    const inviteeCtx = await newContext(browser);
    const invitee = await inviteeCtx.newPage();
    await invitee.goto(link ?? '');
    await invitee.getByRole('heading', { level: 1, name: 'Join the Bali Process Hub' }).waitFor();
    expect(await invitee.getByText(email).count()).toBeGreaterThan(0);
    await expectAccessible(invitee);
    await invitee.getByLabel('Your name').fill('Kanya Test-Admin (fictional)');
    await invitee.getByLabel('Password', { exact: true }).fill('a-long-and-private-passphrase');
    await invitee.getByLabel('Confirm password').fill('a-long-and-private-passphrase');
    await invitee.getByRole('button', { name: 'Create account' }).click();

    // Their role requires two-factor: set-up comes first.
    await invitee.waitForURL(/two-factor\/setup/);
    await invitee.locator('code.secret').waitFor();
    await expectAccessible(invitee);
    const secret = ((await invitee.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await invitee.getByLabel('Authentication code').fill(totpCode(secret, Date.now()));
    await invitee.getByRole('button', { name: 'Verify' }).click();
    await invitee.getByRole('list', { name: 'Recovery codes' }).waitFor();
    expect(await invitee.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await expectAccessible(invitee);
    await invitee.getByRole('button', { name: /saved these codes|Continue/ }).click();
    await invitee.waitForURL((u) => !u.pathname.includes('two-factor'));
    await invitee.getByText('Kanya Test-Admin (fictional)').first().waitFor();
    await expectAccessible(invitee);

    // The link worked once.
    const again = await (await newContext(browser)).newPage();
    await again.goto(link ?? '');
    await again.getByText('This invitation is not valid.').waitFor();
    await expectAccessible(again);

    // Sign out: back to the sign-in page, and the session is gone on the server too.
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await invitee.waitForURL(/sign-in/);
    await invitee.getByText('You have signed out.').waitFor();
    const me = await invitee.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(me.user).toBeNull();
    await expectAccessible(invitee);
    await adminCtx.close();
    await inviteeCtx.close();
  });
});
