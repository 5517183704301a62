import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { Harness } from '../support/harness';
import { launchChromium, openPage } from './browser';

/**
 * A front-end app on another origin, in a real browser: a page served from a second loopback port reads
 * the API when its origin is allowed, and cannot when it is not (Chromium enforces CORS, not the test).
 */
interface AppPage {
  origin: string;
  close: () => Promise<void>;
}

/** Serves one page whose script posts a query to `api` and records the outcome in `window.outcome`. */
async function appPage(api: () => string): Promise<AppPage> {
  const server = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><title>app</title><script>
      fetch(${JSON.stringify(`${api()}/graphql`)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'from-the-app' },
        body: JSON.stringify({ query: '{ role(id: "backend-developer") { name } }' }),
      })
        .then(async (response) => (window.outcome = { data: (await response.json()).data, requestId: response.headers.get('x-request-id') }))
        .catch((error) => (window.outcome = { error: String(error) }));
    </script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let browser: Browser;
let api: Harness;
let allowed: AppPage;
let other: AppPage;
beforeAll(async () => {
  allowed = await appPage(() => api.url);
  other = await appPage(() => api.url);
  // As in production: only the listed origin, no loopback default.
  api = await Harness.start({ production: true, cors: { origins: [allowed.origin] } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await allowed?.close();
  await other?.close();
});

async function outcomeOf(origin: string): Promise<Record<string, unknown>> {
  const { page } = await openPage(browser);
  await page.goto(origin);
  await page.waitForFunction(() => (window as unknown as { outcome?: unknown }).outcome !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate(() => (window as unknown as { outcome: Record<string, unknown> }).outcome);
}

it('lets a page of an allowed origin read the answer and its exposed headers', async () => {
  expect(await outcomeOf(allowed.origin)).toEqual({ data: { role: { name: 'Backend Developer' } }, requestId: 'from-the-app' });
});

it('keeps the answer from a page of any other origin', async () => {
  expect(await outcomeOf(other.origin)).toEqual({ error: 'TypeError: Failed to fetch' });
});
