import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { unicodePdf } from '../src/server/modules/library/library.test-support';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();
const open = (width?: number): Promise<Page> => browser.open(width ? { width } : {});

describe('library', () => {
  it('the administrator uploads a Thai-language PDF and finds it by a Thai word once its text is extracted', async () => {
    const admin = await open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/library/new');
    await admin.getByRole('heading', { level: 1, name: 'Add a resource' }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Title').fill('แนวปฏิบัติการคัดแยกผู้เสียหาย (ฉบับทดสอบ)');
    await admin.getByLabel('Languages').fill('th');
    await admin.getByLabel('Countries').fill('THA');
    await admin.getByLabel('Identification of and assistance for victims').check();
    await admin.getByLabel(/^File \(PDF/).setInputFiles({ name: 'guide-th.pdf', mimeType: 'application/pdf', buffer: unicodePdf(['คู่มือนี้ช่วยเจ้าหน้าที่คัดกรองแรงงานประมงข้ามชาติ', 'ที่ท่าเรือสงขลา']) });
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('heading', { level: 1, name: 'แนวปฏิบัติการคัดแยกผู้เสียหาย (ฉบับทดสอบ)' }).waitFor();
    await admin.getByRole('link', { name: /^Download PDF \([\d.,]+ (B|KB)\)$/ }).waitFor();
    // The background job extracts the text; the page asks again until it is done.
    await admin.getByText(/^Extracted \(\d+ characters\)/).waitFor({ timeout: 30_000 });
    await expectAccessible(admin);

    await admin.goto('/library');
    await admin.getByLabel('Search the library').fill('ท่าเรือสงขลา');
    await admin.getByRole('button', { name: 'Search' }).click();
    const hit = admin.getByRole('listitem').filter({ has: admin.getByRole('link', { name: 'แนวปฏิบัติการคัดแยกผู้เสียหาย (ฉบับทดสอบ)' }) });
    await hit.waitFor();
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('ท่าเรือสงขลา');
    await admin.getByRole('heading', { level: 2, name: '1 resources' }).waitFor();
    await expectAccessible(admin);
  });

  it('the administrator makes a language version by picking the original by its title, sees the link to it, and can clear it', async () => {
    const guide = 'Trafficking Victim Identification: A Practitioner Guide';
    const admin = await open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/library/new');
    await admin.getByRole('heading', { level: 1, name: 'Add a resource' }).waitFor();
    await admin.getByLabel('Title').fill('Panduan identifikasi korban perdagangan orang (uji)');
    await admin.getByLabel('Languages').fill('id');
    await admin.getByLabel('Who may read it').selectOption('secretariat');
    const original = admin.getByRole('combobox', { name: /^Language version of/ });
    await original.fill('victim identification');
    await admin.getByRole('option').filter({ hasText: guide }).first().waitFor();
    // The list opens under the box, never over the box being typed in.
    const [box, list] = await Promise.all([original.boundingBox(), admin.getByRole('listbox').boundingBox()]);
    expect(list?.y ?? 0).toBeGreaterThanOrEqual((box?.y ?? Infinity) + (box?.height ?? 0) - 1);
    await admin.getByRole('option').filter({ hasText: guide }).first().click();
    await expect(original.inputValue()).resolves.toBe(guide);
    await admin.getByText(`Chosen: ${guide}`).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Panduan identifikasi korban perdagangan orang (uji)' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Other language versions' }).waitFor();
    await admin.getByRole('link', { name: guide }).waitFor();

    // Editing shows the original by its title; clearing it unlinks the versions.
    await admin.getByRole('link', { name: 'Edit' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Edit the resource' }).waitFor();
    await expect.poll(() => original.inputValue()).toBe(guide);
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Clear the original' }).click();
    await expect.poll(() => original.inputValue()).toBe('');
    await expect.poll(() => original.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => original.evaluate((el) => el === document.activeElement)).toBe(true);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Panduan identifikasi korban perdagangan orang (uji)' }).waitFor();
    await admin.getByRole('link', { name: 'Edit' }).waitFor();
    await expect(admin.getByRole('heading', { level: 2, name: 'Other language versions' }).count()).resolves.toBe(0);
    await expectAccessible(admin);
  });

  it('a visitor at 360 px browses, filters by a facet and opens a guide with its language versions; secretariat items stay hidden', async () => {
    const page = await open(360);
    await page.goto('/library');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.getByRole('link', { name: 'Trafficking Victim Identification: A Practitioner Guide' }).waitFor();
    await expectAccessible(page);
    await expect(page.getByText('Facilitator briefing: pre-briefing meeting plan 2025').count()).resolves.toBe(0);
    const legislation = page.getByLabel(/^Legislation \(\d+\)$/);
    await legislation.click();
    await expect.poll(() => legislation.isChecked()).toBe(true);
    await page.getByRole('link', { name: 'Luật Phòng, chống mua bán người 2024' }).waitFor();
    // The filtered results replace the list once they arrive: wait for the guide to leave it.
    await expect.poll(() => page.getByRole('link', { name: 'Trafficking Victim Identification: A Practitioner Guide' }).count()).toBe(0);
    await page.getByLabel('Search the library').fill('mua ban nguoi');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Luật Phòng, chống mua bán người 2024' }).locator('mark').first().waitFor();
    await expectAccessible(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.goto('/library?q=victim+identification+practitioner');
    await page.getByRole('link', { name: 'Trafficking Victim Identification: A Practitioner Guide' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Trafficking Victim Identification: A Practitioner Guide' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Other language versions' }).waitFor();
    await page.getByRole('link', { name: 'การคัดแยกผู้เสียหายจากการค้ามนุษย์: คู่มือสำหรับผู้ปฏิบัติงาน' }).waitFor();
    await page.getByRole('link', { name: /^Download PDF/ }).waitFor();
    await expectAccessible(page);
  });
});
