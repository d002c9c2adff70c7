import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();
const open = (width?: number): Promise<Page> => browser.open(width ? { width } : {});

describe('global search', () => {
  it('finds a demo word in the library and in good practices, labelled by kind, and opens a result of each', async () => {
    const page = await open(360);
    await signIn(page, demo.official.email, demo.official.password);
    await page.goto('/search');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Words to find').fill('fishing');
    await page.getByLabel('Words to find').press('Enter');
    const practice = page.getByRole('listitem').filter({ hasText: 'Good practice' }).filter({ has: page.getByRole('link', { name: 'Port-in, port-out inspections of fishing vessels' }) });
    await practice.waitFor();
    const library = page.getByRole('listitem').filter({ hasText: 'Library' }).filter({ has: page.getByRole('link', { name: 'Case study: forced labour on distant-water fishing vessels' }) });
    await library.waitFor();
    await expectAccessible(page);

    await practice.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Port-in, port-out inspections of fishing vessels' }).waitFor();
    await expectAccessible(page);
    await page.goBack();
    await library.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Case study: forced labour on distant-water fishing vessels' }).waitFor();
    await expectAccessible(page);
  });
});
