import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, expectAccessible, launch, newContext, signIn } from './support/browser';

const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
const REPORT = 'Outcome Report: the Bali Process 20 years on';

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

/** A small, well-formed PDF. */
function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

describe('papers on the event page', () => {
  it('the administrator uploads a new version of the outcome report and sees it in the history; a disguised file is refused', async () => {
    const admin = await signedIn(demo.admin, inject('adminTotpSecret'));
    await admin.goto(`/events/${DIALOGUE_ID}`);
    await admin.getByRole('heading', { level: 2, name: 'Papers' }).waitFor();
    const report = admin.getByRole('article', { name: REPORT });
    await report.waitFor();
    // Size and type before download.
    await report.getByText(/^\(PDF, [\d.]+ KB\)$/).waitFor();
    await admin.getByRole('link', { name: /^Download meeting pack \(ZIP, 6 papers, / }).waitFor();
    await expectAccessible(admin);

    // A file named .pdf that is a web page: the server's message is shown, nothing is added.
    await report.getByText('Upload a new version').click();
    const file = report.getByLabel('File');
    await file.setInputFiles({ name: 'outcome-final.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
    await report.getByRole('button', { name: 'Upload new version' }).click();
    await report.getByText('The file was not accepted').waitFor();
    await report.getByText(/web page or other markup/).waitFor();
    await expectAccessible(admin);

    // The real file goes through.
    await file.setInputFiles({ name: 'outcome-final.pdf', mimeType: 'application/pdf', buffer: pdf('final version with corrections') });
    await report.getByLabel('Note (optional)').fill('Corrections from Members');
    await report.getByRole('button', { name: 'Upload new version' }).click();
    await admin.getByText(`Version 3 of “${REPORT}” was published.`).waitFor();
    await expectAccessible(admin);

    // The history: who and when, with each version's size.
    await report.getByText('Version history (3)').click();
    const history = report.getByRole('table', { name: `Versions of ${REPORT}` });
    await history.waitFor();
    const rows = history.getByRole('row');
    await expect(rows.count()).resolves.toBe(4);
    const newest = rows.nth(1);
    await expect(newest.textContent()).resolves.toMatch(/Version 3.*Ayu Demo-Admin \(fictional\).*Download \(PDF, \d+ B\).*Corrections from Members/);
    await expect(rows.nth(3).textContent()).resolves.toMatch(/Version 1.*Draft for Members’ comments/);
    await expectAccessible(admin);

    // Another reader sees the new version without the secretariat's forms.
    const official = await signedIn(demo.official, undefined, 360);
    await official.goto(`/events/${DIALOGUE_ID}`);
    const seen = official.getByRole('article', { name: REPORT });
    await seen.getByText(/^Version 3, /).waitFor();
    await expect(seen.getByText('Upload a new version').count()).resolves.toBe(0);
    // The official is a registered participant of the dialogue: the participant list is theirs to download.
    const list = official.getByRole('link', { name: 'Participant list (PDF)' });
    const res = await official.request.get(String(await list.getAttribute('href')));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="regional-dialogue-2022-09-participant-list.pdf"/);
    await expectAccessible(official);
  });

  it('the secretariat uploads a new paper with its label, and it is listed under its kind', async () => {
    const staff = await signedIn(demo.staff);
    await staff.goto(`/events/${DIALOGUE_ID}`);
    await staff.getByRole('heading', { level: 2, name: 'Papers' }).waitFor();
    await staff.getByText('Upload a paper', { exact: true }).click();
    const form = staff.locator('.paper-upload');
    await form.getByRole('button', { name: 'Upload' }).click();
    await form.getByText('Give the paper a title.').waitFor();
    await form.getByLabel('File').setInputFiles({ name: 'opening.pdf', mimeType: 'application/pdf', buffer: pdf('opening remarks') });
    await form.getByLabel('Kind').selectOption('presentation');
    await form.getByLabel('Title').fill('Opening remarks of the Co-managers');
    await form.getByLabel('Who may read it').selectOption('participants');
    await form.getByRole('button', { name: 'Upload' }).click();
    await staff.getByText('“Opening remarks of the Co-managers” was published.').waitFor();
    const group = staff.getByRole('region', { name: 'Presentations' });
    const paper = group.getByRole('article', { name: 'Opening remarks of the Co-managers' });
    await paper.waitFor();
    await expect(paper.locator('.paper__sensitivity').textContent()).resolves.toBe('Who may read it: Participants');
    await expectAccessible(staff);
  });

  it('the secretariat withdraws a wrong version, then a sensitive paper published by mistake, giving a reason', async () => {
    const staff = await signedIn(demo.staff);
    await staff.goto(`/events/${DIALOGUE_ID}`);
    await staff.getByRole('heading', { level: 2, name: 'Papers' }).waitFor();
    await staff.getByText('Upload a paper', { exact: true }).click();
    const form = staff.locator('.paper-upload');
    await form.getByLabel('File').setInputFiles({ name: 'cases.pdf', mimeType: 'application/pdf', buffer: pdf('case files') });
    await form.getByLabel('Kind').selectOption('annex');
    await form.getByLabel('Title').fill('Case files of the working group');
    await form.getByLabel('Who may read it').selectOption('public');
    await form.getByRole('button', { name: 'Upload' }).click();
    await staff.getByText('“Case files of the working group” was published.').waitFor();
    const paper = staff.getByRole('article', { name: 'Case files of the working group' });
    await paper.getByText('Upload a new version').click();
    await paper.getByLabel('File', { exact: true }).setInputFiles({ name: 'cases-2.pdf', mimeType: 'application/pdf', buffer: pdf('more case files') });
    await paper.getByRole('button', { name: 'Upload new version' }).click();
    await staff.getByText('Version 2 of “Case files of the working group” was published.').waitFor();

    // One version: from the history, with a reason.
    await paper.getByText('Version history (2)').click();
    const v2Url = String(await paper.getByRole('link', { name: /^Download Version 2 / }).getAttribute('href'));
    await paper.getByRole('button', { name: 'Withdraw version 2' }).click();
    const versionDialog = staff.getByRole('dialog', { name: 'Withdraw version 2 of “Case files of the working group”?' });
    await versionDialog.waitFor();
    await expectAccessible(staff);
    await versionDialog.getByRole('button', { name: 'Withdraw version 2' }).click();
    await versionDialog.getByText(/at least 3 characters/).waitFor();
    await versionDialog.getByLabel('Why is it withdrawn?').fill('Wrong file attached');
    await versionDialog.getByRole('button', { name: 'Withdraw version 2' }).click();
    await staff.getByText('Version 2 of “Case files of the working group” was withdrawn and its file deleted.').waitFor();
    await paper.getByText('Version history (1)').waitFor();
    expect((await staff.request.get(v2Url)).status()).toBe(404);

    // The whole paper: cancelling changes nothing; confirming takes it off the page and its link answers 404.
    const v1Url = String(await paper.getByRole('link', { name: /^Download Case files of the working group/ }).getAttribute('href'));
    await paper.getByRole('button', { name: 'Withdraw this paper' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Withdraw “Case files of the working group”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(paper.isVisible()).resolves.toBe(true);
    await paper.getByRole('button', { name: 'Withdraw this paper' }).click();
    await dialog.getByLabel('Why is it withdrawn?').fill('Contains case files: not for publication');
    await dialog.getByRole('button', { name: 'Withdraw paper' }).click();
    await staff.getByText('“Case files of the working group” was withdrawn and its files deleted.').waitFor();
    await paper.waitFor({ state: 'detached' });
    expect((await staff.request.get(v1Url)).status()).toBe(404);
    await expectAccessible(staff);
  });
});
