import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';
import { call, unique } from './support/api';

const browser = browserPerFile();
const openPage = (opts: { width?: number } = {}): Promise<Page> => browser.open(opts);

async function signedIn(who: { email: string; password: string }, opts: { width?: number } = {}): Promise<Page> {
  const page = await openPage(opts);
  await signIn(page, who.email, who.password);
  return page;
}

interface Setup {
  agencyId: string;
  positionId: string;
  holderId: string | null;
}

/** An agency with one position, handed over to a new person when `holder` is given (which also confirms it). */
async function agencyWithPosition(
  staff: Page,
  agency: { memberCode: string; nameEn: string; nameLocal?: string; type?: string; mandates?: string[] },
  position: string,
  holder?: { nameLatin: string; email?: string; startDate?: string },
): Promise<Setup> {
  const a = await call(staff, 'POST', '/api/directory/agencies', { type: 'immigration', mandates: [], ...agency });
  const p = await call(staff, 'POST', `/api/directory/agencies/${a.id}/positions`, { title: position });
  if (!holder) return { agencyId: a.id, positionId: p.id, holderId: null };
  const channels = holder.email ? [{ kind: 'email', value: holder.email, visibility: 'members' }] : [];
  const after = await call(staff, 'POST', `/api/directory/positions/${p.id}/handover`, {
    person: { nameLatin: holder.nameLatin, channels },
    startDate: holder.startDate ?? '2024-01-15',
  });
  return { agencyId: a.id, positionId: p.id, holderId: after.holder.id };
}

/** The server's clock cannot be moved, so a record goes stale by moving its last confirmation back a year. */
function makeStale(positionId: string): void {
  const db = new SQLite(inject('dbPath'));
  try {
    db.pragma('busy_timeout = 5000');
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const changed = db.prepare('update positions set last_confirmed_at = ? where id = ?').run(yearAgo, positionId).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
}

/** The single-use token of the newest confirmation email to `address`, read from the outbox (no mail server here). */
function confirmationToken(address: string): string {
  const db = new SQLite(inject('dbPath'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('select body_text from outbox where to_address = ? order by created_at desc limit 1').get(address) as { body_text: string } | undefined;
    const token = /\/directory\/confirm\/([\w-]+)/.exec(row?.body_text ?? '')?.[1];
    expect(token, `confirmation email to ${address}`).toBeTruthy();
    return token ?? '';
  } finally {
    db.close();
  }
}

const searchBox = (page: Page) => page.getByLabel('Search the directory');
const resultLink = (page: Page, agencyId: string) => page.getByRole('list', { name: 'Results' }).locator(`a[href="/directory/agencies/${agencyId}"]`);

describe('directory', () => {
  it('finds an agency by its name in Thai script, and keeps the search in the address', async () => {
    const staff = await signedIn(demo.staff);
    const { agencyId } = await agencyWithPosition(
      staff,
      { memberCode: 'THA', nameEn: 'Immigration Bureau', nameLocal: 'สำนักงานตรวจคนเข้าเมือง', mandates: ['border-management'] },
      'Head of international cooperation',
    );

    // A visitor, not signed in, reaches the directory from the menu.
    const page = await openPage();
    await page.goto('/sign-in');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByText('Type in the search box to find Members').waitFor();
    await expectAccessible(page);

    await searchBox(page).pressSequentially('ตรวจคนเข้าเมือง', { delay: 30 });
    await resultLink(page, agencyId).waitFor();
    expect(await searchBox(page).inputValue()).toBe('ตรวจคนเข้าเมือง');
    expect(new URL(page.url()).searchParams.get('q')).toBe('ตรวจคนเข้าเมือง');
    const hit = page.locator('li.result').filter({ has: page.locator(`a[href="/directory/agencies/${agencyId}"]`) });
    expect(await hit.textContent()).toContain('Agency');
    expect(await hit.textContent()).toContain('สำนักงานตรวจคนเข้าเมือง');
    await expectAccessible(page);

    await resultLink(page, agencyId).click();
    await page.getByRole('heading', { level: 1, name: 'Immigration Bureau' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toContain('Immigration Bureau');
    await page.getByText('สำนักงานตรวจคนเข้าเมือง').first().waitFor();
    // Visitors see the position but not who holds it.
    await page.getByRole('rowheader', { name: 'Head of international cooperation' }).waitFor();
    await expectAccessible(page);

    // Back returns to the same search, and a reload keeps it.
    await page.goBack();
    await resultLink(page, agencyId).waitFor();
    expect(await searchBox(page).inputValue()).toBe('ตรวจคนเข้าเมือง');
    await page.reload();
    await resultLink(page, agencyId).waitFor();
    expect(await searchBox(page).inputValue()).toBe('ตรวจคนเข้าเมือง');
  });

  it('finds a Vietnamese agency with and without accents', async () => {
    const staff = await signedIn(demo.staff);
    const { agencyId } = await agencyWithPosition(
      staff,
      { memberCode: 'VNM', nameEn: 'Ministry of Public Security', nameLocal: 'Bộ Công an', type: 'police', mandates: ['counter-trafficking'] },
      'Focal point for trafficking in persons',
    );

    const page = await signedIn(demo.official);
    await page.goto('/directory');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await searchBox(page).fill('cong an');
    await resultLink(page, agencyId).waitFor();
    await expectAccessible(page);

    // Emptied, the box explains itself again; then the accented words find the same agency.
    await searchBox(page).fill('');
    await page.getByText('Type in the search box to find Members').waitFor();
    await searchBox(page).fill('Công An');
    await resultLink(page, agencyId).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Công An');

    // The filters narrow the list and live in the address too.
    await page.getByLabel('Member', { exact: true }).selectOption('VNM');
    await expect.poll(() => new URL(page.url()).searchParams.get('member')).toBe('VNM');
    await resultLink(page, agencyId).waitFor();
    await page.getByLabel('Member', { exact: true }).selectOption('THA');
    await page.getByText('Nothing found.').waitFor();
    await expectAccessible(page);
  });

  it('a coordinator confirms a stale focal point from the due list', async () => {
    const staff = await signedIn(demo.staff);
    const title = `Stale focal point ${unique()}`;
    const { positionId } = await agencyWithPosition(
      staff,
      { memberCode: 'FJI', nameEn: `Fiji Police Force ${unique()}`, type: 'police', mandates: ['counter-smuggling'] },
      title,
      { nameLatin: 'Tomasi Stale-Test (fictional)' },
    );
    makeStale(positionId);

    const page = await signedIn(demo.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Due for confirmation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Due for confirmation' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Stale', { exact: true }).waitFor();
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Confirm' }).click();
    await row.getByText('Confirmed', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: `Confirmed: ${title}` }).waitFor();
    expect(await row.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    await expectAccessible(page);

    // The agency page shows who confirmed it.
    await row.getByRole('link', { name: 'Correct or hand over' }).click();
    const positionRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
    await positionRow.getByText('Confirmed', { exact: true }).waitFor();
    await positionRow.getByText('by Mere Demo-Coordinator (fictional)').waitFor();
  });

  it('a coordinator hands a position over to a new person', async () => {
    const staff = await signedIn(demo.staff);
    const title = `Counter-trafficking focal point ${unique()}`;
    const agencyName = `Department of Immigration ${unique()}`;
    const { agencyId, holderId } = await agencyWithPosition(staff, { memberCode: 'FJI', nameEn: agencyName, mandates: ['counter-trafficking'] }, title, {
      nameLatin: 'Losana Outgoing (fictional)',
      startDate: '2023-03-01',
    });

    const page = await signedIn(demo.coordinator);
    await page.goto(`/directory/agencies/${agencyId}`);
    await page.getByRole('heading', { level: 1, name: agencyName }).waitFor();
    await expectAccessible(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
    await row.getByRole('link', { name: 'Losana Outgoing (fictional)' }).waitFor();

    // The dialog closes with Escape and gives focus back to the button that opened it.
    const handOver = row.getByRole('button', { name: 'Hand over' });
    const dialog = page.getByRole('dialog', { name: `Hand over: ${title}` });
    await handOver.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => handOver.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expectAccessible(page);
    // A missing name is caught next to the field.
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await dialog.getByText('Enter the name in Latin script.').waitFor();
    await dialog.getByLabel('Name in Latin script').fill('Jone Incoming (fictional)');
    await dialog.getByLabel('Name in local script').fill('Jone Incoming');
    await dialog.getByLabel('Email', { exact: true }).fill('jone.incoming@demo.hub.example');
    await dialog.getByLabel('Note', { exact: true }).fill('Rotation');
    // The server's objection appears next to its field, and focus goes there.
    const startDate = dialog.getByLabel('Start date');
    const chosen = await startDate.inputValue();
    await startDate.fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await dialog.getByText('The new holder cannot start before the current one did (2023-03-01).').waitFor();
    expect(await startDate.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => startDate.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await startDate.fill(chosen);
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`${title} has been handed over to Jone Incoming (fictional).`).waitFor();
    await row.getByRole('link', { name: 'Jone Incoming (fictional)' }).waitFor();
    await row.getByText('Confirmed', { exact: true }).waitFor();
    await expectAccessible(page);

    // The new holder's page shows the position as current, with the email and who may see it.
    await row.getByRole('link', { name: 'Jone Incoming (fictional)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jone Incoming (fictional)' }).waitFor();
    await page.getByRole('link', { name: 'jone.incoming@demo.hub.example' }).waitFor();
    await page.getByText('Visible to: Members').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Current' }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page);

    // The outgoing holder keeps their record, with the position among the past ones.
    await page.goto(`/directory/people/${holderId}`);
    await page.getByRole('heading', { level: 1, name: 'Losana Outgoing (fictional)' }).waitFor();
    const past = page.getByRole('heading', { level: 3, name: 'Past' }).locator('xpath=following-sibling::ul[1]');
    await past.getByRole('link', { name: title }).waitFor();
    expect(await past.textContent()).toMatch(/1 Mar 2023 to/);
    await page.getByText('No current position.').waitFor();

    // The position's history names the handover.
    await page.goto(`/directory/agencies/${agencyId}`);
    await page.getByText(`History: ${title}`).click();
    await page.getByText('Handed over').first().waitFor();
    await expectAccessible(page);
  });

  it('the coverage map opens the records behind a cell', async () => {
    const staff = await signedIn(demo.staff);
    const agencyName = `Lao Anti-Smuggling Unit ${unique()}`;
    const { agencyId } = await agencyWithPosition(staff, { memberCode: 'LAO', nameEn: agencyName, type: 'police', mandates: ['counter-smuggling'] }, 'Focal point on people smuggling', {
      nameLatin: 'Khamla Coverage-Test (fictional)',
    });
    const reference = await call(staff, 'GET', '/api/reference');
    const lao = reference.members.find((m: { code: string }) => m.code === 'LAO').name as string;

    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Coverage' }).waitFor();
    const region = staff.getByRole('region', { name: /Coverage map/ });
    await region.getByRole('columnheader', { name: 'Counter smuggling' }).waitFor();
    await region.getByRole('rowheader', { name: lao }).waitFor();
    await expectAccessible(staff);

    const cell = region.getByRole('link', { name: new RegExp(`^${lao.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, Counter smuggling: [1-9]\\d* confirmed, \\d+ stale, \\d+ missing$`) });
    await cell.click();
    await staff.waitForURL((u) => u.pathname === '/directory' && u.searchParams.get('member') === 'LAO' && u.searchParams.get('mandate') === 'counter-smuggling');
    expect(await staff.getByLabel('Member', { exact: true }).inputValue()).toBe('LAO');
    expect(await staff.getByLabel('Mandate').inputValue()).toBe('counter-smuggling');
    await resultLink(staff, agencyId).click();
    await staff.getByRole('heading', { level: 1, name: agencyName }).waitFor();
    await expectAccessible(staff);
  });

  it('a focal point confirms and corrects their own record from an emailed link', async () => {
    const staff = await signedIn(demo.staff);
    const email = `focal-${unique()}@demo.hub.example`;
    const { agencyId, positionId } = await agencyWithPosition(staff, { memberCode: 'TON', nameEn: `Tonga Immigration ${unique()}` }, 'Immigration focal point', {
      nameLatin: 'Sione Link-Test (fictional)',
      email,
    });
    await staff.goto(`/directory/agencies/${agencyId}`);
    const row = staff.getByRole('row').filter({ has: staff.getByRole('rowheader', { name: 'Immigration focal point' }) });
    await row.getByRole('button', { name: 'Send confirmation link' }).click();
    await staff.getByText(`Sent to ${email}.`, { exact: false }).waitFor();
    const token = confirmationToken(email);

    const page = await openPage({ width: 360 });
    await page.goto(`/directory/confirm/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Confirm your details' }).waitFor();
    await page.getByText('Immigration focal point').first().waitFor();
    expect(await page.getByLabel('Address or number').inputValue()).toBe(email);
    await expectAccessible(page);
    await page.getByLabel('Title', { exact: true }).fill('Senior Inspector');
    await page.getByRole('button', { name: 'Confirm my details' }).click();
    await page.getByText('Thank you: your details are confirmed.').waitFor();
    await expectAccessible(page);

    const after = await call(staff, 'GET', `/api/directory/positions/${positionId}`);
    expect(after.holder.title).toBe('Senior Inspector');
    expect(after.freshness).toBe('confirmed');

    // The link works once.
    await page.goto(`/directory/confirm/${token}`);
    await page.getByText('This link is not valid.').waitFor();
    await expectAccessible(page);
  });

  it('a coordinator adds an agency, edits it and adds a position, with errors shown by the fields', async () => {
    const page = await signedIn(demo.coordinator);
    await page.goto('/directory');
    await page.getByRole('link', { name: 'Add an agency' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an agency' }).waitFor();
    // A coordinator adds agencies for their own Members only.
    const member = page.getByLabel('Member', { exact: true });
    expect(await member.locator('option').allTextContents()).toEqual(['Choose a Member', 'Fiji', 'Tonga']);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.getByText('Choose a Member.').waitFor();
    await page.getByText('Enter the name in English.').waitFor();
    await expect.poll(() => member.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);

    const name = `Tonga Police ${unique()}`;
    await member.selectOption('TON');
    await page.getByLabel('Name in English').fill(name);
    await page.getByLabel('Name in local script').fill('Polisi Fakafonua ʻo Tonga');
    await page.getByLabel('Agency type').selectOption('police');
    await page.getByRole('group', { name: 'Mandates' }).getByLabel('Counter smuggling').check();
    await page.getByLabel('Website').fill('police.to');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.getByText('Enter a full web address, starting with https://').waitFor();
    await page.getByLabel('Website').fill('https://police.gov.to');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('Polisi Fakafonua ʻo Tonga').waitFor();
    await page.getByText('Counter smuggling').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Edit agency' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit agency' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Acronym').fill('TPF');
    await page.getByRole('group', { name: 'Mandates' }).getByLabel('Border management').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The agency has been saved.').waitFor();
    await page.getByText('TPF', { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit agency');

    // Confirming the agency's own details records who and when.
    await page.getByText('Not confirmed yet').waitFor();
    await page.getByRole('button', { name: 'Confirm details' }).click();
    await page.getByText("The agency's details are confirmed.").waitFor();
    await page.getByText(/^Confirmed .+ by /).waitFor();

    await page.getByRole('button', { name: 'Add position' }).click();
    await page.getByRole('button', { name: 'Add position' }).last().waitFor();
    await page.getByLabel('Position title').fill('Maritime focal point');
    await page.getByLabel('Working group').selectOption({ index: 1 });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add position' }).last().click();
    await page.getByText('Position added: Maritime focal point.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Maritime focal point' }) });
    await row.getByText('Missing', { exact: true }).waitFor();
    await row.getByText('Vacant').waitFor();

    // The agency's history names the fields that changed.
    await page.getByText(`History: ${name}`).click();
    await page.getByText('Agency edited').waitFor();
    await page.getByText('Fields: Acronym, Mandates', { exact: true }).waitFor();
    await page.getByText('Agency details confirmed').waitFor();
    await expectAccessible(page);
  });

  it('speaks Bahasa Indonesia', async () => {
    const staff = await signedIn(demo.staff);
    const { agencyId } = await agencyWithPosition(staff, { memberCode: 'IDN', nameEn: `Directorate General of Immigration ${unique()}`, nameLocal: 'Direktorat Jenderal Imigrasi' }, 'Focal point');

    const page = await openPage();
    await page.goto('/directory');
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('heading', { level: 1, name: 'Direktori' }).waitFor();
    expect(await page.title()).toContain('Direktori');
    await page.getByLabel('Cari di direktori').fill('Direktorat Jenderal Imigrasi');
    const link = page.getByRole('list', { name: 'Hasil' }).locator(`a[href="/directory/agencies/${agencyId}"]`);
    await link.waitFor();
    await page.locator('li.result').filter({ has: page.locator(`a[href="/directory/agencies/${agencyId}"]`) }).getByText('Instansi', { exact: true }).waitFor();
    await expectAccessible(page);
    await link.click();
    await page.getByRole('heading', { level: 2, name: 'Jabatan' }).waitFor();
    await page.getByText('Kosong', { exact: true }).first().waitFor();
    await expectAccessible(page);
  });

  it('works on a 360-pixel phone without sideways scrolling of the page', async () => {
    const page = await signedIn(demo.coordinator, { width: 360 });
    for (const path of ['/directory?q=immigration', '/directory/due', '/directory/coverage']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText('Loading…').waitFor({ state: 'detached' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    // The coverage map scrolls inside its own region, which takes keyboard focus.
    const region = page.getByRole('region', { name: /Coverage map/ });
    await region.focus();
    await page.keyboard.press('ArrowRight');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});
