import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';
import { call, unique } from './support/api';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser.close();
});

async function signedIn(who: { email: string; password: string }, opts: { width?: number } = {}): Promise<Page> {
  const context = await newContext(browser, opts);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, who.email, who.password);
  return page;
}


/** A CSV file as a spreadsheet program saves it: quoted where needed, CRLF line ends. */
function csvFile(rows: string[][]): Buffer {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** "Unit" is not a column name the hub knows, so the agency column has to be chosen by hand. */
const HEADER = ['Member code', 'Unit', 'Agency type', 'Position', 'Name', 'Email'];

const stepHeading = (page: Page, n: number, title: string) => page.getByRole('heading', { level: 2, name: `Step ${n} of 4: ${title}` });
const isFocused = (page: Page, n: number, title: string) => stepHeading(page, n, title).evaluate((el) => el === document.activeElement);

async function upload(page: Page, name: string, file: Buffer): Promise<void> {
  await page.getByLabel('Spreadsheet file').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
}

describe('directory import and export', () => {
  it('imports a spreadsheet: a problem row is shown, a corrected file is checked, merged and applied, then exported', async () => {
    const page = await signedIn(demo.staff);
    const u = unique();
    // Someone already in the directory, whose email address the file names again.
    const thaiAgency = `Royal Thai Police ${u}`;
    const existingName = `Anong Existing ${u} (fictional)`;
    const existingEmail = `anong.${u}@demo.hub.example`;
    const agency = await call(page, 'POST', '/api/directory/agencies', { memberCode: 'THA', nameEn: thaiAgency, type: 'police', mandates: [] });
    const position = await call(page, 'POST', `/api/directory/agencies/${agency.id}/positions`, { title: 'Focal point' });
    const handedOver = await call(page, 'POST', `/api/directory/positions/${position.id}/handover`, {
      person: { nameLatin: existingName, channels: [{ kind: 'email', value: existingEmail, visibility: 'members' }] },
      startDate: '2024-01-15',
    });
    const existingId = handedOver.holder.id as string;

    // The directory page leads to the import.
    await page.goto('/directory');
    await page.getByRole('link', { name: 'Import a spreadsheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' }).waitFor();
    await stepHeading(page, 1, 'Upload the file').waitFor();
    await page.getByText('at most 20 MB').waitFor();
    await expectAccessible(page);

    // Step 1: a file with one bad row (an unknown Member).
    const fijiAgency = `Fiji Immigration ${u}`;
    const tongaAgency = `Tonga Police ${u}`;
    const bad = csvFile([
      HEADER,
      ['FJI', fijiAgency, 'Immigration', 'Border focal point', `Sefo Import ${u} (fictional)`, `sefo.${u}@demo.hub.example`],
      ['TON', tongaAgency, 'Police', 'Liaison officer', `Mele Import ${u} (fictional)`, `mele.${u}@demo.hub.example`],
      ['XXX', `Nowhere Agency ${u}`, 'Police', 'Focal point', `Nobody ${u} (fictional)`, `nobody.${u}@demo.hub.example`],
    ]);
    await upload(page, 'focal-points.csv', bad);

    // Step 2: the columns; the address now names the import, and focus is on the step.
    await stepHeading(page, 2, 'Match the columns').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/directory\/import\/[\w-]+$/);
    await expect.poll(() => isFocused(page, 2, 'Match the columns')).toBe(true);
    expect(await page.getByLabel('Column A: Member code').inputValue()).toBe('memberCode');
    expect(await page.getByLabel('Column D: Position').inputValue()).toBe('positionTitle');
    const unit = page.getByLabel('Column B: Unit');
    expect(await unit.inputValue()).toBe('');
    await expectAccessible(page);
    // Checking without the agency column is stopped here, saying what is missing.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose the columns that hold: Agency name (English).' }).waitFor();
    await unit.selectOption('agencyNameEn');
    await page.getByRole('button', { name: 'Check the file' }).click();

    // Step 3: the bad row, by row number and column; nothing can be imported.
    await stepHeading(page, 3, 'Check the rows').waitFor();
    await expect.poll(() => isFocused(page, 3, 'Check the rows')).toBe(true);
    await page.getByRole('alert').filter({ hasText: 'The file has 1 error.' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems found, by row' });
    const problem = problems.getByRole('row').filter({ hasText: '"XXX"' });
    const cells = await problem.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['4', 'Member code', 'Error']);
    expect(cells[3]).toContain('"XXX" is not a Member or Observer');
    expect(await page.getByRole('button', { name: /^Import \d+ rows$/ }).count()).toBe(0);
    await expectAccessible(page);

    // Back to step 1, where the first file is listed among the recent imports.
    await page.getByRole('link', { name: 'Upload a corrected file' }).click();
    await stepHeading(page, 1, 'Upload the file').waitFor();
    await expect.poll(() => isFocused(page, 1, 'Upload the file')).toBe(true);
    const recent = page.getByRole('table', { name: 'Recent imports, newest first' });
    await recent.getByRole('row').filter({ hasText: 'focal-points.csv' }).first().getByText('Checked').waitFor();
    await recent.getByRole('columnheader', { name: 'Uploaded by' }).waitFor();
    await expectAccessible(page);

    // The first file is not needed any more: cancelled, then deleted, each after a confirm step.
    const named = recent.getByRole('row').filter({ hasText: 'focal-points.csv' });
    const cancelledBefore = await named.filter({ hasText: 'Cancelled' }).count();
    await named.filter({ hasText: 'Checked' }).first().getByRole('button', { name: 'Cancel import of focal-points.csv' }).click();
    const cancelDialog = page.getByRole('dialog', { name: 'Cancel this import?' });
    await cancelDialog.getByText('Nothing from focal-points.csv will be written to the directory.', { exact: false }).waitFor();
    await expectAccessible(page);
    await cancelDialog.getByRole('button', { name: 'Cancel import', exact: true }).click();
    await cancelDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => named.filter({ hasText: 'Cancelled' }).count()).toBe(cancelledBefore + 1);
    const listed = await named.count();
    await named.filter({ hasText: 'Cancelled' }).first().getByRole('button', { name: 'Delete import of focal-points.csv' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete this import?' });
    await deleteDialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await deleteDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => named.count()).toBe(listed - 1);

    // A good file: three valid rows, the last naming the person already in the directory by their email.
    const good = csvFile([
      HEADER,
      ['FJI', fijiAgency, 'Immigration', 'Border focal point', `Sefo Import ${u} (fictional)`, `sefo.${u}@demo.hub.example`],
      ['TON', tongaAgency, 'Police', 'Liaison officer', `Mele Import ${u} (fictional)`, `mele.${u}@demo.hub.example`],
      ['THA', thaiAgency, 'Police', 'Deputy focal point', existingName, existingEmail],
    ]);
    await upload(page, 'focal-points-corrected.csv', good);
    await stepHeading(page, 2, 'Match the columns').waitFor();
    // The choice made for the first file, with the same column names, is remembered.
    await page.getByText('Your choices for the last file with these column names are filled in.').waitFor();
    expect(await page.getByLabel('Column B: Unit').inputValue()).toBe('agencyNameEn');
    await page.getByRole('button', { name: 'Check the file' }).click();

    await stepHeading(page, 3, 'Check the rows').waitFor();
    await page.getByText('No errors in 3 rows.').waitFor();
    const duplicate = page.getByRole('group', { name: `Row 4: ${existingName}` });
    await duplicate.getByText('same email address').waitFor();
    await duplicate.getByLabel('Keep as new').check();
    await duplicate.getByLabel('Merge into existing').check();
    expect(await duplicate.getByLabel('Merge into existing').isChecked()).toBe(true);
    const agenciesAdded = page.locator('.import-counts div').filter({ has: page.getByText('Agencies added', { exact: true }) }).locator('dd');
    expect(await agenciesAdded.textContent()).toBe('2');
    await expectAccessible(page);

    // Step 4: applied in the background, followed with a progress bar until it is done.
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await stepHeading(page, 4, 'Import the rows').waitFor();
    const progress = page.getByRole('progressbar', { name: /Import progress/ });
    await progress.waitFor();
    await page.getByText('Import complete').waitFor({ timeout: 30_000 });
    expect(await progress.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([3, 3]);
    await page.getByText('Import progress: 3 of 3 rows').waitFor();
    await expectAccessible(page);

    // A reload resumes from the server's state.
    const importUrl = page.url();
    await page.reload();
    await stepHeading(page, 4, 'Import the rows').waitFor();
    await page.getByText('Import complete').waitFor();
    expect(page.url()).toBe(importUrl);

    // The merged person now holds the new position too; the others are new.
    const merged = await call(page, 'GET', `/api/directory/people/${existingId}`);
    expect(merged.positions.map((p: { title: string }) => p.title)).toContain('Deputy focal point');

    // The directory finds an imported agency.
    await page.getByRole('link', { name: 'Go to the directory' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByLabel('Search the directory').fill(fijiAgency);
    await page.getByRole('link', { name: fijiAgency }).first().waitFor();
    await expectAccessible(page);

    // Export: the links carry the filters in the address; the CSV holds the imported agency.
    await page.goto('/directory?member=FJI');
    await page.getByText('Export', { exact: true }).click();
    const csvLink = page.getByRole('link', { name: 'CSV', exact: true });
    expect(await csvLink.getAttribute('href')).toBe('/api/directory/export?format=csv&member=FJI');
    expect(await page.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')).toBe('/api/directory/export?format=xlsx&member=FJI');
    expect(await page.getByRole('link', { name: 'vCards' }).getAttribute('href')).toBe('/api/directory/export.vcf?member=FJI');
    await expectAccessible(page);
    const exported = await page.request.get('/api/directory/export?format=csv&member=FJI');
    expect(exported.ok()).toBe(true);
    expect(exported.headers()['content-type']).toContain('text/csv');
    const text = await exported.text();
    expect(text).toContain(fijiAgency);
    expect(text).toContain(`sefo.${u}@demo.hub.example`);
    expect(text).not.toContain(tongaAgency);
    // With search words, the links carry them and the file holds only what they find.
    await page.goto(`/directory?q=${encodeURIComponent(`Sefo Import ${u}`)}`);
    await page.getByText('Export', { exact: true }).click();
    await page.getByText('Download the records that match the search words and filters').waitFor();
    const wordsHref = (await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')) ?? '';
    expect(new URL(wordsHref, page.url()).searchParams.get('q')).toBe(`Sefo Import ${u}`);
    const found = await (await page.request.get(wordsHref)).text();
    expect(found).toContain(`sefo.${u}@demo.hub.example`);
    expect(found).not.toContain(`mele.${u}@demo.hub.example`);

    // A person's page offers their vCard.
    await page.goto(`/directory/people/${existingId}`);
    await page.getByRole('heading', { level: 1, name: existingName }).waitFor();
    const vcard = page.getByRole('link', { name: 'Download vCard' });
    expect(await vcard.getAttribute('href')).toBe(`/api/directory/people/${existingId}/vcard`);
    const card = await page.request.get(`/api/directory/people/${existingId}/vcard`);
    expect(await card.text()).toContain('BEGIN:VCARD');
    await expectAccessible(page);
  });

  it('a coordinator on a phone: an unreadable file is refused readably, and rows outside their Members are errors', async () => {
    const page = await signedIn(demo.coordinator, { width: 360 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/directory');
    await page.getByRole('link', { name: 'Import a spreadsheet' }).click();
    await stepHeading(page, 1, 'Upload the file').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // Nothing chosen: said by the field.
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('Choose a file to upload.').waitFor();
    expect(await page.getByLabel('Spreadsheet file').getAttribute('aria-invalid')).toBe('true');

    // Binary data is not a spreadsheet: the server's refusal is shown, as an alert.
    await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x42]) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'This kind of file cannot be imported.' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('binary data');
    await expectAccessible(page);

    const u = unique();
    await upload(
      page,
      'coordinator.csv',
      csvFile([
        ['Member code', 'Agency', 'Position', 'Name'],
        ['FJI', `Fiji Revenue and Customs ${u}`, 'Focal point', `Litia Phone ${u} (fictional)`],
        ['THA', `Thai Customs ${u}`, 'Focal point', `Somsak Phone ${u} (fictional)`],
      ]),
    );
    await stepHeading(page, 2, 'Match the columns').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await stepHeading(page, 3, 'Check the rows').waitFor();
    const row = page.getByRole('table', { name: 'Problems found, by row' }).getByRole('row').filter({ hasText: 'Thailand' });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['3', 'Member code']);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
