/**
 * The catalogue site in a real browser: headless Chromium (the one the
 * @sparticuz/chromium dev dependency ships, or CHROMIUM_PATH's; see
 * test/support/chromium.ts) opens the built site from file://, searches and
 * filters the index, follows a link to an event page and checks what it
 * shows, at a desktop and a phone size. Screenshots go to
 * .test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCatalog } from '../../src/site/write-catalog.js';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { ROOT, repoCatalogue } from '../support/repo.js';

const SCREENSHOTS = join(ROOT, '.test-results/screenshots');
const CHANGED = 'approved-premises.booking.changed';

let site: string;
let browser: Browser;

beforeAll(async () => {
  const options = chromiumLaunchOptions();
  site = mkdtempSync(join(tmpdir(), 'catalogue-site-'));
  writeCatalog({ root: ROOT, out: site, topic: 'hmpps-domain-events' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch(options);
});

afterAll(async () => {
  await browser?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

const indexUrl = () => pathToFileURL(join(site, 'index.html')).href;

/** A page at a viewport size that fails the test on any script error or blocked resource (a CSP violation is logged as an error). */
async function open(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed to load ${request.url()}`));
  return { page, problems };
}

const visibleEvents = (page: Page) => page.locator('[data-event]:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-event')));
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
/** Whether the page is wider than the window, so the reader would have to scroll the whole page sideways. */
const overflowsSideways = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

describe('the catalogue site in Chromium', () => {
  it('searches and filters the index, then shows an event page in full (1280×800)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await open(context);
    const total = repoCatalogue().events.length;
    await page.goto(indexUrl());
    await expect.poll(() => page.locator('#match-count').textContent()).toBe(`Showing all ${total} event types`);
    expect(await visibleEvents(page)).toHaveLength(total);
    await shot(page, 'index-1280x800');

    // A field name finds the events whose data has it.
    await page.getByLabel('Search names, descriptions and fields').fill('cancellationReason');
    expect(await visibleEvents(page)).toEqual([
      'accommodation.cas3.booking.cancelled',
      'accommodation.cas3.booking.cancelled.updated',
      'approved-premises.booking.cancelled',
    ]);
    await page.getByLabel('Domain', { exact: true }).selectOption('approved-premises');
    expect(await visibleEvents(page)).toEqual(['approved-premises.booking.cancelled']);
    expect(await page.locator('#match-count').textContent()).toBe(`Showing 1 of ${total} event types`);
    await expect.poll(() => page.locator('#domain-accommodation').isVisible()).toBe(false);

    // A search that matches nothing says so.
    await page.getByLabel('Search names, descriptions and fields').fill('no such thing anywhere');
    expect(await visibleEvents(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);

    // Filters alone: one producer's events, one consumer's events.
    await page.getByLabel('Search names, descriptions and fields').fill('');
    await page.getByLabel('Domain', { exact: true }).selectOption('');
    await page.getByLabel('Producer').selectOption('hmpps-interventions-service');
    const interventions = await visibleEvents(page);
    expect(interventions.length).toBeGreaterThan(5);
    expect(interventions.every((type) => type?.startsWith('intervention.'))).toBe(true);
    await page.getByLabel('Producer').selectOption('');
    await page.getByLabel('Consumer').selectOption('hmpps-probation-integration-services/cas3-and-delius');
    expect((await visibleEvents(page)).every((type) => type?.startsWith('accommodation.cas3.'))).toBe(true);

    // Follow a link from the index to an event page.
    await page.getByLabel('Consumer').selectOption('');
    await page.getByLabel('Search names, descriptions and fields').fill('booking.changed');
    expect(await visibleEvents(page)).toEqual([CHANGED]);
    await page.getByRole('link', { name: CHANGED }).click();
    await page.waitForURL(/booking\.changed\.html$/u);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(CHANGED);

    // The flow graph, drawn at build time.
    const graph = page.locator('svg.flow-wide');
    expect(await graph.isVisible()).toBe(true);
    expect(await graph.locator('.node-producer').count()).toBe(1);
    expect(await graph.locator('.node-consumer').count()).toBe(1);
    expect((await graph.boundingBox())?.height ?? 0).toBeGreaterThan(50);
    // A table of fields per version of each contract: the notification's v1, the detail's v2 and v1; detail v2 has the fields that say what changed.
    const tables = page.locator('#fields table.fields');
    expect(await tables.count()).toBe(3);
    expect(await page.getByRole('region', { name: 'Fields of notification version 1' }).textContent()).toContain('applicationId');
    expect(await page.getByRole('region', { name: 'Fields of detail version 2' }).textContent()).toContain('previousArrivalOn');
    expect(await page.getByRole('region', { name: 'Fields of detail version 1' }).textContent()).not.toContain('previousArrivalOn');
    // The difference between the detail versions, with the engine's verdict.
    const change = page.locator('#detail-v1-to-v2');
    expect(await change.locator('h4').textContent()).toBe('v1 → v2 Forward compatible only');
    expect(await change.textContent()).toContain('previousArrivalOn');
    // Examples of both contracts (3 notifications, 5 detail documents at v2, 2 at v1): open one of each and read its JSON.
    const examples = page.locator('#examples details');
    expect(await examples.count()).toBe(10);
    await examples.first().locator('summary').click();
    expect(await examples.first().locator('pre').isVisible()).toBe(true);
    expect(await examples.first().locator('pre').textContent()).toContain(`"eventType": "${CHANGED}"`);
    expect(await examples.first().locator('pre').textContent()).toContain('"additionalInformation"');
    const detail = examples.nth(3);
    await detail.locator('summary').click();
    expect(await detail.locator('pre').isVisible()).toBe(true);
    expect(await detail.locator('pre').textContent()).toContain(`"eventType": "${CHANGED}"`);
    expect(await detail.locator('pre').textContent()).toContain('"eventDetails"');
    // The timeline, worded differently for each detail version.
    const samples = await page.locator('#timeline .sample').allTextContents();
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatch(/^The placement at .+ was changed to run from /u);
    expect(samples[1]).toMatch(/^.+ changed the placement at .+; it now runs from /u);

    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'event-1280x800');
    await shot(page, 'event-1280x800-full', true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone (390×844): nothing makes the page scroll sideways; wide tables scroll in their own box', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const { page, problems } = await open(context);
    await page.goto(indexUrl());
    await page.locator('#filters').waitFor({ state: 'visible' });
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, 'index-390x844');
    await shot(page, 'index-390x844-full', true);

    await page.goto(pathToFileURL(join(site, 'events', `${CHANGED}.html`)).href);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await page.locator('svg.flow-narrow').isVisible()).toBe(true);
    expect(await page.locator('svg.flow-wide').isVisible()).toBe(false);
    const box = await page.locator('svg.flow-narrow').boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    const table = page.locator('#fields .scroll').first();
    expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await shot(page, 'event-390x844');
    await shot(page, 'event-390x844-full', true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists every event type without JavaScript, and hides the filters it cannot run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(indexUrl());
    expect(await visibleEvents(page)).toHaveLength(repoCatalogue().events.length);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await context.close();
  });
});
