import { describe, expect, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();
const REPORT = 'Outcome Report: the Bali Process 20 years on';

describe('published reports', () => {
  it('a visitor on a phone finds the 2022 outcome report with its Bahasa version and size, and downloads it', async () => {
    const page = await browser.open({ width: 360 });
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Published reports' }).waitFor();
    const report = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: REPORT }) });
    const download = report.getByRole('link', { name: /^Download PDF, [\d.,]+ (B|KB|MB), English$/ });
    await download.waitFor();
    await report.getByRole('link', { name: 'Laporan Hasil: Proses Bali 20 tahun' }).waitFor();
    // The meeting was for Members: its report is public, its page is not, so its name is not a link here.
    await report.getByText(/Shared lessons and progress/).first().waitFor();
    await expect(report.getByRole('link', { name: /Shared lessons and progress/ }).count()).resolves.toBe(0);
    await expectAccessible(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const file = await page.request.get((await download.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
  });

  it('an official opens the meeting of a report from the list', async () => {
    const page = await browser.open();
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/reports');
    const report = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: REPORT }) });
    await report.getByRole('link', { name: /Shared lessons and progress/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Shared lessons and progress/ }).waitFor();
    await expectAccessible(page);
  });
});
