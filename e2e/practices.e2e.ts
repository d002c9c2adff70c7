import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();
const open = (width?: number): Promise<Page> => browser.open(width ? { width } : {});

const TITLE = 'Village savings groups for returning fishers (browser test)';

describe('good practices', () => {
  it('an official submits a practice, the secretariat requests changes, the official resubmits and the secretariat publishes it', async () => {
    const official = await open(360);
    await signIn(official, demo.official.email, demo.official.password);
    await official.goto('/practices');
    await official.getByRole('heading', { level: 1, name: 'Good practices' }).waitFor();
    await expectAccessible(official);
    await official.getByRole('link', { name: 'Submit a practice' }).click();
    await official.getByRole('heading', { level: 1, name: 'Submit a practice' }).waitFor();
    await expectAccessible(official);
    await official.getByLabel('Title').fill(TITLE);
    await official.getByLabel('Identification of and assistance for victims').check();
    await official.getByLabel('The problem').fill('Fishers came home in debt and were recruited again by the same brokers.');
    await official.getByLabel('What was done').fill('Commune savings groups with a small start-up grant.');
    await official.getByLabel('Results', { exact: true }).fill('Fewer returnees re-recruited.');
    await official.getByLabel('Evidence', { exact: true }).fill('Commune records.');
    await official.getByLabel(/^Links to evidence/).fill('https://example.org/savings');
    await official.getByLabel('Lessons learned').fill('Start small, with the commune.');
    await official.getByLabel('Contact', { exact: true }).fill('Commune liaison (fictional)');
    await official.getByRole('button', { name: 'Save and submit' }).click();
    await official.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await official.getByText('Submitted for review', { exact: true }).waitFor();
    await expectAccessible(official);
    const url = official.url();

    const admin = await open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/practices/review');
    await admin.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: TITLE }).click();
    await admin.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Comment').fill('Please give the number of savings groups.');
    await admin.getByRole('button', { name: 'Request changes' }).click();
    await admin.getByText('Changes were requested; the submitter is told.').waitFor();
    await expectAccessible(admin);

    await official.goto(url);
    await official.getByText('Please give the number of savings groups.').waitFor();
    await expectAccessible(official);
    await official.getByRole('link', { name: 'Edit the practice' }).click();
    await official.getByRole('heading', { level: 1, name: 'Edit the practice' }).waitFor();
    await expectAccessible(official);
    await official.getByLabel('Results', { exact: true }).fill('Twelve savings groups; fewer returnees re-recruited.');
    await official.getByRole('button', { name: 'Save and submit' }).click();
    await official.getByText('Twelve savings groups; fewer returnees re-recruited.').waitFor();
    await official.getByText('Submitted for review', { exact: true }).waitFor();

    await admin.goto(url);
    await admin.getByText('Twelve savings groups; fewer returnees re-recruited.').waitFor();
    await admin.getByLabel('Publish to').selectOption('public');
    await admin.getByRole('button', { name: 'Publish', exact: true }).click();
    await admin.getByText('Published.', { exact: true }).waitFor();
    await expectAccessible(admin);

    const visitor = await open();
    await visitor.goto('/practices');
    await visitor.getByLabel('Search practices').fill('savings groups');
    await visitor.getByRole('button', { name: 'Search' }).click();
    await visitor.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Lessons learned' }).waitFor();
    await expectAccessible(visitor);
  });
});
