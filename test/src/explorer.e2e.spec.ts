import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { bearer } from '@tiaokuai/tools';
import { startTestHub, type TestHub } from './hub';

/**
 * Government intranets have no internet: the explorer must load and run a query with every
 * asset served by the hub itself. Debian's Chromium (installed by .ci/run) loads the page
 * headless; any request leaving localhost fails the test.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let t: TestHub;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  t = await startTestHub();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('the explorer loads with no outside assets and runs a query', async () => {
  const page = await browser.newPage();
  // What a user types into the explorer's Headers pane; here on every request the page makes.
  await page.setExtraHTTPHeaders(bearer(t.hub.operatorToken));
  const outside: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['localhost', '127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
      outside.push(req.url());
  });
  const query = '{ units(first: 1) { totalCount } }';
  await page.goto(`${t.url}?query=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
  const answer = page.waitForResponse(
    (r) =>
      r.url().startsWith(t.url) &&
      r.request().method() === 'POST' &&
      (r.request().postData() ?? '').includes('totalCount'),
  );
  await page.click('.graphiql-execute-button');
  const response = await answer;
  expect(await response.json()).toEqual({
    data: { units: { totalCount: 0 } },
    extensions: { cost: expect.any(Object) },
  });
  await page.waitForFunction(
    () => document.querySelector('.graphiql-response')?.textContent?.includes('totalCount'),
    undefined,
    { timeout: 30_000 },
  );
  expect(outside).toEqual([]);
});
