import { Browser } from 'playwright-core';
import { readExampleOperations } from '../../src/http/examples';
import { bearer, Harness } from '../support/harness';
import { waitFor } from '../support/processes';
import { metric } from '../support/subscriptions';
import { foreignRequests, launchChromium, openPage, RecordedPage, screenshot } from './browser';

let server: Harness;
let browser: Browser;
let ide: RecordedPage;
beforeAll(async () => {
  server = await Harness.start();
  browser = await launchChromium();
  ide = await openPage(browser);
  await ide.page.goto(`${server.url}/graphql`);
  await ide.page.locator('.graphiql-container').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the GraphQL IDE', () => {
  it('runs the first example and shows the backend developer', async () => {
    await ide.page.getByRole('button', { name: /Execute query/ }).click();
    await ide.page.locator('.result-window').getByText('"Backend Developer"').first().waitFor();
    await screenshot(ide.page, 'ide');
  });

  it('introspects the schema: the documentation explorer lists Role, and nothing failed to load', async () => {
    await ide.page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = ide.page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Role', exact: true }).waitFor({ timeout: 10_000 });
    await screenshot(ide.page, 'ide-docs');
    expect(ide.errors).toEqual([]);
  });

  it('has a tab per example operation; the mutation tab has a headers template', async () => {
    const examples = await readExampleOperations();
    expect(await ide.page.locator('.graphiql-tab').count()).toBe(examples.length);
    await ide.page.getByRole('button', { name: 'Headers' }).click();
    await ide.page.getByRole('tab', { name: 'UpsertTechnology' }).click();
    await ide.page.locator('.graphiql-editor-tool').getByText('Bearer <paste the output of: npm run token -- --role editor>').waitFor();
  });

  it('runs a subscription over graphql-ws and shows the event of a mutation made elsewhere', async () => {
    const { page } = ide;
    await page.getByRole('tab', { name: 'GraphChanged' }).click();
    await page.locator('.graphiql-query-editor').getByText('subscription GraphChanged').waitFor();
    const running = await metric(server.url, 'graphql_ws_subscriptions_active');
    // GraphiQL updates the operation name a moment after a tab switch; clicked before, it sends the previous
    // tab's name over HTTP ("Unknown operation named …"), as a fast user would see too. So it may take a retry.
    const subscribed = async () => (await metric(server.url, 'graphql_ws_subscriptions_active')) > running;
    for (let attempt = 1; !(await subscribed()); attempt += 1) {
      await page.getByRole('button', { name: /Execute query/ }).click();
      const started = await waitFor(subscribed, 3_000, 'the IDE’s subscription').then(() => true, () => false);
      if (!started && attempt === 5) throw new Error(`the IDE never subscribed; the result pane shows: ${await page.locator('.result-window').innerText()}`);
    }
    await server.data(`mutation { upsertTechnology(input: { id: "ide-live", name: "IDE Live", kind: TOOL }) { id } }`, {}, await bearer(['editor']));
    await page.locator('.result-window').getByText('"ide-live"').first().waitFor();
    await server.data(`mutation { deleteNode(id: "ide-live") }`, {}, await bearer(['editor']));
  });

  it('loaded everything from this server, without a Content-Security-Policy violation or a script error', () => {
    expect(ide.requests).toEqual(expect.arrayContaining([`${server.url}/ide/assets/graphiql.min.js`, `${server.url}/graphql`]));
    expect(foreignRequests(ide.requests, server.url)).toEqual([]);
    expect(ide.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });
});
