import { describe, expect, inject, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';

const browser = browserPerFile();

describe('audit trail', () => {
  it('the administrator filters the trail by a person chosen by name, and the filter shows the name after a reload', async () => {
    const name = 'Ayu Demo-Admin (fictional)';
    const admin = await browser.open();
    await signIn(admin, demo.admin.email, demo.admin.password, inject('adminTotpSecret'));
    await admin.goto('/admin/audit');
    await admin.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await expectAccessible(admin);

    const person = admin.getByRole('combobox', { name: 'Done by' });
    await person.fill('admin@demo');
    await admin.getByRole('option').filter({ hasText: name }).click();
    await expect(person.inputValue()).resolves.toBe(name);
    await admin.getByLabel('Action').fill('auth.login');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL((url) => url.searchParams.has('actorId') && url.searchParams.get('action') === 'auth.login');

    // Every row is the administrator's sign-in (the one above at least).
    const rows = admin.getByRole('table').getByRole('row').filter({ has: admin.getByRole('cell') });
    await rows.first().getByRole('cell', { name }).waitFor();
    const actors = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent));
    expect(new Set(actors)).toEqual(new Set([name]));
    await expect.poll(() => person.inputValue()).toBe(name);
    await expectAccessible(admin);

    await admin.reload();
    await expect.poll(() => person.inputValue()).toBe(name);
    await admin.getByRole('table').getByRole('cell', { name }).first().waitFor();
    await expectAccessible(admin);
  });
});
