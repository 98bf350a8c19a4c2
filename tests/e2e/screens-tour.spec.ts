import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/*
 * Every screen a coordinator can reach from the sidebar, checked with axe and photographed. The list
 * is read from the app itself: each link in the Main navigation, each link in the area's own
 * section navigation, each tab on a screen, and the first record a list links to, so a new screen
 * or tab is covered without editing this test.
 */

/** The links of every navigation landmark except Main (an area's sections), as hrefs. */
async function sectionLinks(page: Page): Promise<string[]> {
  return page
    .locator('nav:not([aria-label="Main"]) a[href^="#/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

/** The first link in the page's main content that opens one record (a number in its path). */
async function firstRecordLink(page: Page): Promise<string | null> {
  const hrefs = await page.locator('main a[href^="#/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.find((h) => /\/\d+(\/|$)/.test(h)) ?? null;
}

test('every screen reached from the sidebar passes axe and is photographed', async ({ page, host }) => {
  test.setTimeout(600_000);
  await page.goto(host.url);
  const mainNav = page.getByRole('navigation', { name: 'Main' });
  await mainNav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 7 organisations and 11 people.' })).toBeVisible();

  const areas = await mainNav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(areas.length).toBeGreaterThanOrEqual(6);
  const seen = new Set<string>();
  const visited: string[] = [];

  async function check(href: string) {
    if (seen.has(href)) return;
    seen.add(href);
    // A fresh load at the route, so nothing of the screen before is still on the page.
    // Typed by hand: the end-to-end tests compile without the DOM library.
    await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), href);
    await page.reload();
    const heading = page.getByRole('heading', { level: 1 }).first();
    await expect(heading, `a heading on ${href}`).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    // The content pane scrolls inside the window; let it grow so a full-page photo shows all of it.
    await page.addStyleTag({
      content: '.app { height: auto !important; min-height: 100%; } .content { overflow: visible !important; }',
    });
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await expectAccessible(page);
    const name = href.replace(/^#\//, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
    await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
    visited.push(`${href} (${(await heading.textContent())?.trim()})`);
    // Each tab of the screen, in place.
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = tabs.nth(i);
      if ((await tab.getAttribute('aria-selected')) === 'true') continue;
      const label = (await tab.textContent())?.trim() ?? String(i);
      await tab.click();
      await expect(page.getByRole('tabpanel').first()).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({
        path: test.info().outputPath(`${name}-tab-${label.replace(/[^a-z0-9]+/gi, '-')}.png`),
        fullPage: true,
      });
      visited.push(`${href} tab ${label}`);
    }
  }

  for (const area of areas) {
    await check(area);
    const sections = await sectionLinks(page);
    for (const section of [area, ...sections]) {
      await check(section);
      const record = await firstRecordLink(page);
      if (record) await check(record);
    }
  }
  console.log(`Screens checked (${visited.length}):\n${visited.join('\n')}`);
  expect(visited.length).toBeGreaterThanOrEqual(20);
});
