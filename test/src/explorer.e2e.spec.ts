import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { startTestHub, type TestHub } from './hub';

/**
 * Government intranets have no internet: the explorer must load and run a query with every
 * asset served by the hub itself. Debian's Chromium (installed by .ci/run) loads the page
 * headless; any request leaving localhost fails the test. And it opens ready for a newcomer:
 * titled with the product, a header template, the tour's first query, no 401 before a token is
 * given, and the schema fetched as soon as the token is pasted into the Headers pane.
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

/** Every request the page sends, and every answer's status, by URL. */
function record(page: Page) {
  const outside: string[] = [];
  const statuses: Array<{ url: string; status: number; body: string }> = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['localhost', '127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
      outside.push(req.url());
  });
  page.on('response', (res) => {
    if (res.url().startsWith(t.url))
      statuses.push({ url: res.url(), status: res.status(), body: res.request().postData() ?? '' });
  });
  return { outside, statuses };
}

const isIntrospection = (r: { request(): { method(): string; postData(): string | null } }) =>
  r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery');

it('opens titled, with a header template and the tour’s first query, and no 401 before a token', async () => {
  const page = await browser.newPage();
  const { outside, statuses } = record(page);
  await page.goto(t.url, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
  expect(await page.title()).toBe('Tiaokuai Hub 条块');
  // GraphiQL names its tab after the query's operation (it used to read "might" out of the welcome comment).
  await page.waitForFunction(() => document.querySelector('.graphiql-tab')?.textContent?.includes('WhoLeads'));
  // (Monaco renders spaces as no-break spaces.)
  expect((await page.locator('.graphiql-query-editor').innerText()).replace(/\u00a0/g, ' ')).toContain(
    'unit(by: { code: "SC-DZJ" })',
  );
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')).some((e) =>
      e.textContent?.includes('Authorization'),
    ),
  );
  expect(statuses.filter((s) => s.status === 401)).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
});

it('fetches the schema once a token is pasted into the Headers pane, and runs the query', async () => {
  const page = await browser.newPage();
  const { outside, statuses } = record(page);
  await page.goto(t.url, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Headers' }).click();
  const introspected = page.waitForResponse((r) => r.url().startsWith(t.url) && isIntrospection(r), {
    timeout: 30_000,
  });
  // Paste, as a user does: select the template and replace it.
  const headers = page.locator('.graphiql-editor-tool .graphiql-editor').filter({ hasText: 'Authorization' });
  await headers.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${t.hub.operatorToken}` }));
  const schema = await introspected;
  expect(schema.status()).toBe(200);
  expect((await schema.json()).data.__schema.queryType.name).toBe('Query');
  // The Docs pane has the schema without a manual re-fetch.
  await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
  await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('Query'), {
    timeout: 30_000,
  });

  const answer = page.waitForResponse(
    (r) =>
      r.url().startsWith(t.url) &&
      r.request().method() === 'POST' &&
      (r.request().postData() ?? '').includes('WhoLeads'),
  );
  await page.click('.graphiql-execute-button');
  const response = await answer;
  // An empty hub: the unit does not exist.
  expect(await response.json()).toEqual({ data: { unit: null }, extensions: { cost: expect.any(Object) } });
  await page.waitForFunction(
    () =>
      /"unit":\s*null/.test((document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' ')),
    undefined,
    { timeout: 30_000 },
  );
  expect(statuses.filter((s) => s.status === 401)).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
});
