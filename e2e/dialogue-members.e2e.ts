import { describe, expect, inject, it } from 'vitest';
import { call, unique } from './support/api';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();

describe('dialogues: members of an invite-only space', () => {
  const name = `Prosecutors' circle ${unique()}`;
  let spaceUrl = '';

  it('the secretariat adds the researcher with the picker (typing part of the name, arrow keys, Enter) at 360 px', async () => {
    const admin = await browser.open({ width: 360 });
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    const space = await call<{ id: string }>(admin, 'POST', '/api/dialogues/spaces', { name, description: 'Invite-only.', kind: 'theme', themeCode: 'technology', access: 'invited' });
    spaceUrl = `/dialogues/${space.id}`;
    await admin.goto(spaceUrl);
    await admin.getByRole('heading', { name, level: 1 }).waitFor();
    await admin.getByRole('heading', { name: 'Members and moderators' }).waitFor();
    await admin.getByText('Nobody is listed yet.').waitFor();
    await expectAccessible(admin);

    // Adding without choosing anyone says what to do, next to the picker.
    await admin.getByRole('button', { name: 'Add to the space' }).click();
    await admin.getByText('Choose a person from the list.').waitFor();

    const picker = admin.getByRole('combobox', { name: 'Person' });
    await picker.fill('demo-res');
    const option = admin.getByRole('option', { name: /Sam Demo-Researcher \(fictional\)/ });
    await option.waitFor();
    await admin.getByRole('status').getByText(/^1 matches/).waitFor();
    await expectAccessible(admin);
    await picker.press('ArrowDown');
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(picker.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await picker.press('Enter');
    await expect(picker.inputValue()).resolves.toBe('Sam Demo-Researcher (fictional)');
    await admin.getByRole('button', { name: 'Add to the space' }).click();
    await admin.getByText('Sam Demo-Researcher (fictional) was added and notified.').waitFor();
    const list = admin.getByRole('list', { name: 'Members and moderators' });
    await list.getByText('Sam Demo-Researcher (fictional)').waitFor();
    await list.getByText('researcher@demo.hub.example').waitFor();
    // The picker was cleared for the next person; someone already listed is shown but cannot be chosen.
    await expect(picker.inputValue()).resolves.toBe('');
    await picker.fill('demo-res');
    await expect(admin.getByRole('option', { name: /already Member/ }).getAttribute('aria-disabled')).resolves.toBe('true');
    await expectAccessible(admin);
    // Nothing on the page is wider than a 360 px screen.
    await expect(admin.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  });

  it('the added researcher now sees the space and can open it', async () => {
    const page = await browser.open({ width: 360 });
    await signIn(page, demo.researcher.email, demo.researcher.password);
    await page.goto('/dialogues');
    await page.getByRole('heading', { name: 'Dialogues', level: 1 }).waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    // Members do not manage the list.
    await expect(page.getByRole('heading', { name: 'Members and moderators' }).count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it('the secretariat removes the researcher after confirming, who then no longer finds the space', async () => {
    const admin = await browser.open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto(spaceUrl);
    await admin.getByRole('button', { name: 'Remove Sam Demo-Researcher (fictional)' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Remove Sam Demo-Researcher (fictional) from this space?' });
    await dialog.getByText('loses access to this space and its threads at once').waitFor();
    await expectAccessible(admin);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await admin.getByText('Sam Demo-Researcher (fictional) was removed.').waitFor();
    await admin.getByText('Nobody is listed yet.').waitFor();

    const page = await browser.open();
    await signIn(page, demo.researcher.email, demo.researcher.password);
    await page.goto('/dialogues');
    await page.getByRole('heading', { name: 'Dialogues', level: 1 }).waitFor();
    await expect(page.getByRole('link', { name }).count()).resolves.toBe(0);
    await page.goto(spaceUrl);
    await page.getByRole('alert').waitFor();
    await expectAccessible(page);
  });
});

describe('dialogues: a new event space', () => {
  it('the secretariat chooses the event with the picker, not by typing its id', async () => {
    const admin = await browser.open({ width: 360 });
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/dialogues');
    await admin.getByRole('heading', { name: 'New space' }).waitFor();
    const name = `Follow-up of the working group meeting ${unique()}`;
    await admin.getByLabel('Name').fill(name);
    await admin.getByLabel('Kind').selectOption('event');
    // Creating without an event names the field.
    await admin.getByRole('button', { name: 'Create space' }).click();
    await admin.getByText('Choose an event.').waitFor();
    const picker = admin.getByRole('combobox', { name: 'Event' });
    await picker.fill('Trafficking in Persons meeting');
    const first = admin.getByRole('option', { name: /^Working Group on Trafficking in Persons meeting/ }).first();
    await first.waitFor();
    await expectAccessible(admin);
    await picker.press('ArrowDown');
    await picker.press('Enter');
    const chosen = await picker.inputValue();
    expect(chosen).toMatch(/^Working Group on Trafficking in Persons meeting/);
    await admin.getByRole('status').getByText(`Chosen: ${chosen}`).waitFor();
    await admin.getByRole('button', { name: 'Create space' }).click();
    await admin.getByRole('heading', { name, level: 1 }).waitFor();
    await admin.getByRole('link', { name: chosen, exact: true }).waitFor();
    await expectAccessible(admin);
  });
});
