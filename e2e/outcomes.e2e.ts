import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';

const browser = browserPerFile();
const openPage = (opts: { width?: number } = {}): Promise<Page> => browser.open(opts);

/** Registers a demo account as a participant of an event (the participation flow has its own journey). */
function register(eventId: string, email: string): void {
  const db = new SQLite(inject('dbPath'));
  try {
    db.pragma('busy_timeout = 5000');
    const user = db.prepare('select id, display_name from users where email = ?').get(email) as { id: string; display_name: string };
    const now = new Date().toISOString();
    db.prepare(
      `insert into event_participants (id, event_id, user_id, person_id, name, email, organisation, member_code, status, nominated_by, decided_by, decided_at, registered_at, consent_listed, checked_in_at, created_at, updated_at)
       values (?, ?, ?, null, ?, ?, 'Ministry of Foreign Affairs', 'FJI', 'registered', null, null, null, ?, 1, null, ?, ?)`,
    ).run(crypto.randomUUID(), eventId, user.id, user.display_name.replace(/ \(fictional\)$/, ''), email, now, now, now);
  } finally {
    db.close();
  }
}

describe('outcomes: record an action, update it as its owner, see it on the next pre-briefing', () => {
  const text = `Fiji to brief Pacific Members on document fraud trends ${unique()}`;
  let actionUrl = '';
  let laterEventId = '';

  it('the secretariat records an action owned by Fiji on the dialogue’s page', async () => {
    const admin = await openPage();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto(`/events/${DIALOGUE_ID}`);
    await admin.getByRole('heading', { name: 'Actions from this event' }).waitFor();
    await expectAccessible(admin);
    await admin.getByText('Record an action', { exact: true }).click();
    const form = admin.getByRole('form', { name: 'Record an action' });
    await form.getByLabel('Action or recommendation').fill(text);
    await form.getByLabel('Owner type').selectOption('member');
    await form.getByLabel('Owner', { exact: true }).selectOption('FJI');
    await form.getByLabel('Due date').fill('2030-06-30');
    await form.getByLabel('Transnational crime threats and fraudulent documents').check();
    await form.getByRole('button', { name: 'Record action' }).click();
    await form.getByText('Action recorded.').waitFor();
    const row = admin.getByRole('row').filter({ hasText: text });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Fiji (FJI)');
    await expectAccessible(admin);

    // The tracker for this event: the new action, the CSV export link, and an import whose bad row is named.
    await admin.goto(`/outcomes?event=${DIALOGUE_ID}`);
    await admin.getByRole('link', { name: text }).waitFor();
    expect(await admin.getByRole('link', { name: 'Download these actions as CSV' }).getAttribute('href')).toBe(`/api/actions/export.csv?event=${DIALOGUE_ID}`);
    await expectAccessible(admin);
    await admin.getByLabel('CSV file (UTF-8)').setInputFiles({
      name: 'actions.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`text,owner_kind,owner_code,due_date\nShare the guide,member,TON,2030-01-31\nA bad one,member,XXX,2030-02-31\n`),
    });
    await admin.getByRole('button', { name: 'Check the file' }).click();
    const problems = admin.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.getByRole('row').filter({ hasText: 'owner_code' }).textContent()).toContain('Unknown Member code: XXX.');
    expect(await problems.getByRole('row').filter({ hasText: 'due_date' }).textContent()).toContain('3');
    await expectAccessible(admin);

    // A later meeting of the same series, arranged through the API.
    const later = await call(admin, 'POST', '/api/events', {
      title: `Regional Dialogue follow-up ${unique()}`, type: 'thematic_dialogue', format: 'online', timeZone: 'Asia/Bangkok',
      startDate: '2030-09-07', endDate: '2030-09-08', visibility: 'members', status: 'published', series: 'regional-dialogue',
    });
    laterEventId = later.id;
    register(laterEventId, demo.coordinator.email);
  });

  it('the coordinator of Fiji finds it in the tracker and posts an update with evidence', async () => {
    const coord = await openPage({ width: 360 });
    await signIn(coord, demo.coordinator.email, demo.coordinator.password);
    await coord.goto('/outcomes?mine=true');
    await coord.getByRole('heading', { name: 'Outcomes tracker' }).waitFor();
    await coord.getByRole('link', { name: text }).waitFor();
    // The demo's overdue Fiji action says so in words.
    expect(await coord.getByRole('table').getByText('Overdue').count()).toBeGreaterThan(0);
    await expectAccessible(coord);
    // Nothing sticks out sideways at 360 px but the table's own scroll region.
    expect(await coord.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

    await coord.getByRole('link', { name: text }).click();
    await coord.getByRole('heading', { name: 'Post an update' }).waitFor();
    actionUrl = new URL(coord.url()).pathname;
    await expectAccessible(coord);
    const form = coord.getByRole('form', { name: 'Post an update' });
    await form.getByLabel('What happened').fill('Briefing note circulated to Pacific Members.');
    await form.getByLabel('Progress (0–100)').fill('40');
    await form.getByLabel('Status').selectOption('in_progress');
    await form.getByLabel('Evidence link').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Post update' }).click();
    await form.getByText('Enter a web address starting with https:// or http://.').waitFor();
    await form.getByLabel('Evidence link').fill('https://example.org/briefing-note.pdf');
    await form.getByLabel('Note about the evidence').fill('Briefing note');
    await form.getByRole('button', { name: 'Post update' }).click();
    await form.getByText('Update posted.').waitFor();
    const timeline = coord.locator('.outcome-timeline');
    await timeline.getByText('Briefing note circulated to Pacific Members.').waitFor();
    expect(await timeline.textContent()).toContain('Status: Agreed → In progress');
    expect(await coord.getByRole('link', { name: /Briefing note/ }).getAttribute('href')).toBe('https://example.org/briefing-note.pdf');
    expect(await coord.locator('.outcome-details').textContent()).toContain('40%');
    await expectAccessible(coord);
  });

  it('the open action shows on the next meeting’s pre-briefing page', async () => {
    const coord = await openPage();
    await signIn(coord, demo.coordinator.email, demo.coordinator.password);
    await coord.goto(`/events/${laterEventId}/pre-briefing`);
    await coord.getByRole('heading', { name: 'Open actions from earlier meetings' }).waitFor();
    const row = coord.getByRole('row').filter({ hasText: text });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('In progress');
    // The done RSO priority (the alumni network) is not listed; who is coming lists the coordinator.
    expect(await coord.getByText('Collaborate more closely with Member States').count()).toBe(0);
    await coord.getByRole('cell', { name: 'Mere Demo-Coordinator' }).waitFor();
    await expectAccessible(coord);
    await coord.goto(actionUrl);
    await coord.getByRole('heading', { name: 'Updates' }).waitFor();
    await expectAccessible(coord);
  });

  it('someone not taking part is told the pre-briefing is for participants', async () => {
    const official = await openPage();
    await signIn(official, demo.official.email, demo.official.password);
    await official.goto(`/events/${laterEventId}/pre-briefing`);
    await official.getByText('The pre-briefing is for the approved and registered participants of this event.').waitFor();
    await expectAccessible(official);
  });
});
