import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser.close();
});

async function signedIn(who: { email: string; password: string }, totp?: string, width?: number): Promise<Page> {
  const context = await newContext(browser, width ? { width } : {});
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, who.email, who.password, totp);
  return page;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('nominate and approve', () => {
  it('the secretariat invites Fiji with a quota, the coordinator nominates, the administrator approves and opens the check-in list', async () => {
    const title = `Pacific workshop on smuggling by sea ${unique()}`;
    const admin = await signedIn(demo.admin, inject('adminTotpSecret'));
    // An upcoming invited-only event, made through the events API (the events journey covers its form).
    const event = await call<{ id: string }>(admin, 'POST', '/api/events', {
      title, type: 'roundtable', format: 'in_person', place: 'Suva, Fiji', timeZone: 'Pacific/Fiji', startDate: day(20), endDate: day(21), visibility: 'invited', status: 'published', capacity: 20,
    });
    const page = `/events/${event.id}/participants`;

    // The secretariat invites Fiji with two places.
    await admin.goto(page);
    await admin.getByRole('heading', { level: 1, name: `Participants: ${title}` }).waitFor();
    await admin.getByRole('heading', { name: 'Nominations waiting for a decision' }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Whom to invite').selectOption('member');
    await admin.getByLabel('Member', { exact: true }).selectOption('FJI');
    await admin.getByLabel('Places (quota)').fill('2');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(/^Fiji is invited\.$/).waitFor();
    await admin.getByRole('cell', { name: 'Fiji' }).first().waitFor();
    await expectAccessible(admin);
    // One more place for Fiji.
    await admin.getByLabel('Places for Fiji', { exact: true }).fill('3');
    await admin.getByRole('button', { name: 'Save places for Fiji' }).click();
    await admin.getByText('Fiji now has 3 places.').waitFor();

    // The coordinator of Fiji and Tonga sees the invited-only event and Fiji's places, and nominates someone.
    const coordinator = await signedIn(demo.coordinator, undefined, 360);
    await coordinator.goto(page);
    await coordinator.getByRole('heading', { level: 1, name: `Participants: ${title}` }).waitFor();
    await coordinator.getByRole('heading', { name: 'Your Members’ places' }).waitFor();
    await coordinator.getByRole('row', { name: /Fiji\s+3\s+0/ }).waitFor();
    await expectAccessible(coordinator);
    const nominee = `Litia Test-Nominee ${unique()}`;
    await coordinator.getByLabel('Member', { exact: true }).selectOption('FJI');
    await coordinator.getByLabel('Person').selectOption('');
    await coordinator.getByLabel('Full name').fill(nominee);
    await coordinator.getByLabel('Email').fill(`litia-${unique()}@test.hub.example`);
    await coordinator.getByLabel('Organisation').fill('Republic of Fiji Navy');
    await coordinator.getByRole('button', { name: 'Nominate', exact: true }).click();
    await coordinator.getByText(`${nominee} is nominated. The secretariat will decide.`).waitFor();
    await coordinator.getByRole('row', { name: new RegExp(nominee) }).getByText('Nominated').waitFor();
    await expectAccessible(coordinator);

    // The administrator approves the nomination.
    await admin.reload();
    const row = admin.getByRole('row', { name: new RegExp(nominee) }).first();
    await row.getByRole('button', { name: 'Approve' }).click();
    await admin.getByText(`${nominee} is approved.`).waitFor();
    await expectAccessible(admin);

    // The coordinator sees the decision.
    await coordinator.reload();
    await coordinator.getByRole('row', { name: new RegExp(nominee) }).getByText('Approved').waitFor();
    expect(await coordinator.getByRole('cell', { name: 'Republic of Fiji Navy' }).count()).toBeGreaterThan(0);
    await expectAccessible(coordinator);

    // The check-in list: nobody registered yet, and a search box.
    await admin.getByRole('link', { name: 'Open the check-in list' }).click();
    await admin.getByRole('heading', { level: 1, name: `Check-in: ${title}` }).waitFor();
    await admin.getByLabel('Search participants').fill('Litia');
    await admin.getByText('No registered participant matches.').waitFor();
    await expectAccessible(admin);
  });
});

describe('register with consent and check in', () => {
  it('a person invited by name registers on the event page, agreeing to be listed; the secretariat checks them in and undoes it', async () => {
    const title = `Regional roundtable on victim identification ${unique()}`;
    const admin = await signedIn(demo.admin, inject('adminTotpSecret'));
    const event = await call<{ id: string }>(admin, 'POST', '/api/events', {
      title, type: 'roundtable', format: 'in_person', place: 'Bangkok, Thailand', timeZone: 'Asia/Bangkok', startDate: day(10), endDate: day(10), visibility: 'invited', status: 'published', capacity: 10,
    });

    // The secretariat invites the official by their account's email.
    await admin.goto(`/events/${event.id}/participants`);
    await admin.getByRole('heading', { level: 1, name: `Participants: ${title}` }).waitFor();
    await admin.getByLabel('Whom to invite').selectOption('user');
    await admin.getByLabel('Email of their hub account').fill(demo.official.email);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText('Linh Demo-Official (fictional) is invited.').waitFor();
    await expectAccessible(admin);

    // On the event page, the official registers and agrees to appear on the participant list.
    const official = await signedIn(demo.official, undefined, 360);
    await official.goto(`/events/${event.id}`);
    await official.getByRole('heading', { level: 1, name: title }).waitFor();
    await official.getByText('You are invited. Register to take part.').waitFor();
    await expectAccessible(official);
    await official.getByLabel('List me on the participant list (name, organisation and Member)').check();
    await official.getByRole('button', { name: 'Register' }).click();
    await official.getByText('Registration confirmed.').waitFor();
    await official.getByText('You are registered.').waitFor();
    await official.getByRole('heading', { name: 'Who is coming' }).waitFor();
    await official.getByRole('cell', { name: 'Linh Demo-Official (fictional)' }).waitFor();
    await expectAccessible(official);

    // On the day: the secretariat finds them on the check-in list and checks them in, then undoes it.
    await admin.goto(`/events/${event.id}/check-in`);
    await admin.getByRole('heading', { level: 1, name: `Check-in: ${title}` }).waitFor();
    await admin.getByLabel('Search participants').fill('Linh');
    const row = admin.getByRole('row', { name: /Linh Demo-Official/ });
    await row.getByRole('button', { name: 'Check in' }).click();
    await admin.getByText('Linh Demo-Official (fictional) is checked in.').waitFor();
    await admin.getByText('1 of 1 registered participants checked in').waitFor();
    await expectAccessible(admin);
    await row.getByRole('button', { name: 'Undo check-in' }).click();
    await admin.getByText('0 of 1 registered participants checked in').waitFor();
    await expectAccessible(admin);
  });
});
