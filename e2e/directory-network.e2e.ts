import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserPerFile, demo, expectAccessible, signIn } from './support/browser';
import { call, unique } from './support/api';

const browser = browserPerFile();
const openPage = (opts: { width?: number } = {}): Promise<Page> => browser.open(opts);

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${what}`).toBeLessThanOrEqual(0);
}

describe('directory network', () => {
  const member = 'PLW';
  let agencyId = '';
  let agencyName = '';
  let nodeName = '';
  let workingGroupName = '';
  const positionTitle = `Trafficking focal point ${unique()}`;

  beforeAll(async () => {
    // Made through the API as the secretariat: an agency with a mandate, and a position serving WG-TIP.
    const staff = await openPage();
    await signIn(staff, demo.staff.email, demo.staff.password);
    agencyName = `Palau Anti-Trafficking Office ${unique()}`;
    const agency = await call(staff, 'POST', '/api/directory/agencies', { memberCode: member, nameEn: agencyName, type: 'police', mandates: ['counter-trafficking'] });
    agencyId = agency.id;
    await call(staff, 'POST', `/api/directory/agencies/${agencyId}/positions`, { title: positionTitle, workingGroupCode: 'WG-TIP' });
    const reference = await call(staff, 'GET', '/api/reference');
    workingGroupName = reference.workingGroups.find((w: { code: string }) => w.code === 'WG-TIP').name;
    nodeName = `Agency: ${agencyName} (${member})`;
  });

  it('draws the agency, opens it from the keyboard, and lists the same links as text', async () => {
    // Public: a visitor finds the view in the menu.
    const page = await openPage();
    await page.goto('/directory');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network' }).click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByRole('group', { name: /^Network drawing/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Member', { exact: true }).selectOption(member);
    await expect.poll(() => new URL(page.url()).searchParams.get('member')).toBe(member);
    const node = page.getByRole('link', { name: nodeName, exact: true });
    await node.waitFor();
    // Its mandate and working group are drawn too, named with their kind.
    await page.getByRole('link', { name: /^Mandate: Counter trafficking, linked agencies: [1-9]/ }).waitFor();
    await page.getByRole('link', { name: new RegExp(`^Working group: ${workingGroupName}, linked agencies: [1-9]`) }).waitFor();
    await page.getByRole('list', { name: 'Legend' }).getByText('Working group (diamond)').waitFor();
    await expectAccessible(page);

    // The zoom buttons change the drawing, and reset it.
    const transform = () => page.locator('svg.network__svg > g').getAttribute('transform');
    const before = await transform();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(transform).not.toBe(before);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(transform).toBe(before);

    // Focus and Enter open the agency.
    await node.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: agencyName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/directory/agencies/${agencyId}`);
    await page.getByRole('rowheader', { name: positionTitle }).waitFor();
    await expectAccessible(page);

    // Back on the drawing, the text alternative lists the working group with the agency under it.
    await page.goBack();
    await node.waitFor();
    const toggle = page.getByRole('button', { name: 'Show as list' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('list');
    await page.getByRole('heading', { level: 2, name: 'Working groups' }).waitFor();
    const hub = page.getByRole('link', { name: workingGroupName, exact: true });
    expect(await hub.getAttribute('href')).toBe('/directory?workingGroup=WG-TIP');
    await expectAccessible(page);
    const linked = page.getByRole('list', { name: `Agencies linked to ${workingGroupName}` });
    await linked.getByRole('link', { name: `${agencyName} (${member})` }).click();
    await page.getByRole('heading', { level: 1, name: agencyName }).waitFor();
    await expectAccessible(page);

    // The mandate's link opens the directory filtered by it.
    await page.goBack();
    await page.getByRole('link', { name: 'Counter trafficking', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/directory' && u.searchParams.get('mandate') === 'counter-trafficking');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await expectAccessible(page);
  });

  it('a search hit for a position opens its agency at the row', async () => {
    const page = await openPage();
    await page.goto(`/directory?q=${encodeURIComponent(positionTitle)}&member=${member}`);
    const hit = page.getByRole('list', { name: 'Results' }).getByRole('link', { name: positionTitle });
    await hit.waitFor();
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`^/directory/agencies/${agencyId}#position-`));
    await hit.click();
    await page.getByRole('heading', { level: 1, name: agencyName }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(positionTitle);
  });

  it('fits a 360-pixel phone, as a drawing and as a list', async () => {
    const page = await openPage({ width: 360 });
    await page.goto(`/directory/network?member=${member}`);
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByRole('link', { name: nodeName, exact: true }).waitFor();
    await noSidewaysScroll(page, 'the drawing');
    const svg = await page.locator('svg.network__svg').boundingBox();
    expect(svg?.width ?? 0).toBeLessThanOrEqual(360);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Show as list' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mandates' }).waitFor();
    await noSidewaysScroll(page, 'the list');
    await expectAccessible(page);
  });
});
