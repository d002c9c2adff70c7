import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';
import { unique } from './support/api';

const browser = browserPerFile();
const openPage = (opts: { width?: number } = {}): Promise<Page> => browser.open(opts);

describe('events', () => {
  it('the secretariat creates an event, builds its agenda and sees it on the event page', async () => {
    const page = await openPage();
    await signIn(page, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await page.goto('/events');
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    await expectAccessible(page);

    const title = `Roundtable on border management ${unique()}`;
    // Bad input first: the last day before the first is refused next to the field.
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Time zone').fill('Asia/Jakarta');
    await page.getByLabel('First day').fill('2031-03-11');
    await page.getByLabel('Last day').fill('2031-03-10');
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByText('The last day cannot be before the first.').waitFor();
    await page.getByLabel('Last day').fill('2031-03-12');
    await page.getByLabel('Place', { exact: true }).fill('Jakarta, Indonesia');
    await page.getByLabel('Open to').selectOption('public');
    await page.getByLabel('Status').selectOption('published');
    await page.getByLabel('Border management systems').check();
    await page.getByRole('button', { name: 'Create event' }).click();

    await page.getByRole('heading', { level: 1, name: `Edit: ${title}` }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add session' }).click();
    const form = page.getByRole('form', { name: 'Add session' });
    await form.getByLabel('Session title').fill('Opening and shared concerns');
    await form.getByLabel('Day').selectOption('2031-03-11');
    await form.getByLabel('Starts (Asia/Jakarta)').fill('09:00');
    await form.getByLabel('Ends (Asia/Jakarta)').fill('10:30');
    await form.getByLabel('Room').fill('Room Merapi');
    await form.getByLabel('Guest’s name').fill('Dr Example Speaker');
    await form.getByLabel('Guest’s organisation').fill('Example Institute');
    await form.getByRole('button', { name: 'Add guest speaker' }).click();
    await form.getByRole('button', { name: 'Remove Dr Example Speaker' }).waitFor();
    // A guest speaker of an earlier dialogue is on file: chosen, not typed again.
    await form.getByLabel('Find a guest speaker on file').fill('borah');
    await form.getByRole('button', { name: 'Add Dr Borah Park (guest speaker on file)' }).click();
    await form.getByRole('button', { name: 'Remove Dr Borah Park' }).waitFor();
    await form.getByLabel('Role of Dr Borah Park').selectOption('moderator');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Add session' }).click();
    await page.getByRole('button', { name: 'Edit session: Opening and shared concerns' }).waitFor();
    await expectAccessible(page);

    // A breakout group tied to the session (participants are added once nominated).
    await page.getByRole('button', { name: 'Add breakout group' }).click();
    const group = page.getByRole('form', { name: 'Add breakout group' });
    await group.getByLabel('Group name').fill('South-eastern Asia');
    await group.getByLabel('Session').selectOption({ label: 'Opening and shared concerns' });
    await expectAccessible(page);
    await group.getByRole('button', { name: 'Add breakout group' }).click();
    await page.getByRole('button', { name: 'Edit group: South-eastern Asia' }).waitFor();

    await page.getByRole('link', { name: 'View the event page' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Opening and shared concerns' }).waitFor();
    // Jakarta is UTC+7; the browser here runs in UTC, so the viewer's own time shows too.
    await page.getByText('09:00–10:30').waitFor();
    await page.getByText(/Your time: 02:00–03:30/).waitFor();
    await page.getByText('Dr Example Speaker').first().waitFor();
    await page.getByText('Dr Borah Park').first().waitFor();
    await page.getByText('Room: Room Merapi').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Breakout groups' }).waitFor();
    await page.getByText('During: Opening and shared concerns').waitFor();
    expect(await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')).toMatch(/^\/api\/events\/[^/]+\/calendar\.ics$/);
    await page.getByRole('link', { name: 'Pre-briefing' }).waitFor();
    await expectAccessible(page);
  });

  it('an anonymous visitor sees the public events, opens one, and cannot see a Members-only event', async () => {
    const page = await openPage({ width: 360 });
    await page.goto('/events?when=past');
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.locator('.event-card').first().waitFor();
    await expectAccessible(page);
    const titles = await page.locator('.event-card__title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    // Only public events are listed for visitors.
    expect(await page.locator('.event-card .badge--info').allTextContents()).toEqual(titles.map(() => 'Public'));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.locator('.event-card__title a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('link', { name: 'Pre-briefing' }).count()).toBe(0);

    await page.goto('/events/regional-dialogue-2022-09');
    await page.getByRole('heading', { level: 1, name: 'Event not found' }).waitFor();
    await expectAccessible(page);
  });

  it('an official reads the September 2022 dialogue with its agenda by day and its small groups', async () => {
    const page = await openPage();
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/events/00000000-0000-4000-8000-202209070001');
    await page.getByRole('heading', { level: 1, name: /the Bali Process 20 years on/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /7 September 2022/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /8 September 2022/ }).waitFor();
    await page.getByText('Dr Borah Park').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'South-eastern Asia', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit event and agenda' }).count()).toBe(0);
    await expectAccessible(page);
  });
});
