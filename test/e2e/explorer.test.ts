import { Browser } from 'playwright-core';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { explorerDocuments, trustedDocumentsManifest } from '../../src/http/trusted-documents';
import { bearer, Harness } from '../support/harness';
import { metric } from '../support/subscriptions';
import { waitFor } from '../support/processes';
import { foreignRequests, launchChromium, openPage, RecordedPage, screenshot } from './browser';

/** What explorer.js exposes on `window` for tests; `cy` is its cytoscape.js instance. */
declare global {
  interface Window {
    graphExplorer: { cy: import('cytoscape').Core };
  }
}

let server: Harness;
let browser: Browser;
let explorer: RecordedPage;
beforeAll(async () => {
  server = await Harness.start();
  browser = await launchChromium();
  explorer = await openPage(browser);
  await explorer.page.goto(`${server.url}/explorer`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const drawnIds = (selector: string) => explorer.page.evaluate((selector) => window.graphExplorer.cy.elements(selector).map((element) => element.id()), selector);

/** Clicks a drawn node where cytoscape rendered it, with Shift held when asked. */
async function clickNode(id: string, options: { shift?: boolean } = {}): Promise<void> {
  const { page } = explorer;
  const canvas = (await page.locator('#graph').boundingBox())!;
  const position = await page.evaluate((id) => window.graphExplorer.cy.getElementById(id).renderedPosition(), id);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(canvas.x + position.x, canvas.y + position.y);
  if (options.shift) await page.keyboard.up('Shift');
}

describe('the graph explorer', () => {
  it('shows a legend of every label', async () => {
    const labels = await explorer.page.locator('#legend li').allTextContents();
    expect(labels).toEqual(['Role', 'Responsibility', 'Technology', 'Skill', 'Salary', 'Source', 'Team']);
  });

  it('searches, then draws the picked node with its neighbourhood and shows its details and sources', async () => {
    const { page } = explorer;
    await page.getByLabel('Search nodes').fill('backend');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: /^Backend Developer/ }).click();
    await page.getByText('Backend Developer (Role)').waitFor();

    const { neighborhood } = await server.data(`{ neighborhood(id: "backend-developer") { nodes { id } } }`);
    const drawn = await drawnIds('node');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.sort()).toEqual(neighborhood.nodes.map((node: { id: string }) => node.id).sort());
    expect(await page.locator('#details li').allTextContents()).toEqual(expect.arrayContaining(['Statista', 'Forbes']));
  });

  it('merges the neighbourhood of a clicked node in, with its details and source', async () => {
    const { page } = explorer;
    expect(await drawnIds('#statista')).toEqual([]);
    await clickNode('senior-backend-developer-australia-2019');
    await page.getByText('Senior Backend Developer, Australia 2019 (Salary)').waitFor();
    expect(await drawnIds('#statista')).toEqual(['statista']);
    expect(await page.locator('#details li').allTextContents()).toEqual(['Statista']);
  });

  it('highlights the shortest path between two chosen nodes', async () => {
    const { page } = explorer;
    await clickNode('statista');
    await page.getByText('Statista (Source)').waitFor();
    await page.getByRole('button', { name: 'Path from here' }).click();
    await clickNode('frontend-developer', { shift: true });
    await page.waitForFunction(() => window.graphExplorer.cy.edges('.on-path').length > 0);

    const { path } = await server.data(`{ path(from: "statista", to: "frontend-developer") { length nodes { id } } }`);
    expect(path.length).toBeGreaterThan(1);
    expect(await drawnIds('edge.on-path')).toHaveLength(path.length);
    expect((await drawnIds('node.on-path')).sort()).toEqual(path.nodes.map((node: { id: string }) => node.id).sort());
    await page.getByText(/^Path of \d hop\(s\): Statista → .* → Frontend Developer$/).waitFor();
    await screenshot(page, 'explorer');
  });

  it('talked only to this server and logged no error (nor a Content-Security-Policy violation)', () => {
    expect(explorer.requests).toEqual(expect.arrayContaining([`${server.url}/explorer/assets/cytoscape.min.js`, `${server.url}/graphql`]));
    expect(foreignRequests(explorer.requests, server.url)).toEqual([]);
    expect(explorer.errors).toEqual([]);
  });
});

describe('the explorer’s views and links', () => {
  let tab: RecordedPage;
  beforeAll(async () => {
    tab = await openPage(browser);
  });

  const neighbourhoodIds = async (id: string) =>
    (await server.data(`{ neighborhood(id: "${id}", depth: 1, limit: 100) { nodes { id } } }`)).neighborhood.nodes.map((node: { id: string }) => node.id).sort();
  const drawn = (selector: string) => tab.page.evaluate((selector) => window.graphExplorer.cy.elements(selector).map((element) => element.id()).sort(), selector);

  it('opens on the backend developer’s neighbourhood, and names it in the URL', async () => {
    await tab.page.goto(`${server.url}/explorer`);
    await tab.page.getByText('Backend Developer (Role)').waitFor();
    expect(await drawn('node')).toEqual(await neighbourhoodIds('backend-developer'));
    expect(new URL(tab.page.url()).search).toBe('?node=backend-developer');
  });

  it('opens a linked node: /explorer?node=<id>', async () => {
    await tab.page.goto(`${server.url}/explorer?node=statista`);
    await tab.page.getByText('Statista (Source)').waitFor();
    expect(await drawn('node')).toEqual(await neighbourhoodIds('statista'));
  });

  it('opens a linked path: /explorer?from=<id>&to=<id>', async () => {
    await tab.page.goto(`${server.url}/explorer?from=statista&to=frontend-developer`);
    await tab.page.waitForFunction(() => window.graphExplorer.cy.edges('.on-path').length > 0);
    const { path } = await server.data(`{ path(from: "statista", to: "frontend-developer") { nodes { id } } }`);
    expect(await drawn('node')).toEqual(path.nodes.map((node: { id: string }) => node.id).sort());
  });

  it('follows the view in the URL, and the back button returns to the view before', async () => {
    const { page } = tab;
    await page.goto(`${server.url}/explorer?node=backend-developer`);
    await page.getByText('Backend Developer (Role)').waitFor();
    await page.getByLabel('Search nodes').fill('statista');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: /^Statista/ }).click();
    await page.getByText('Statista (Source)').waitFor();
    expect(new URL(page.url()).search).toBe('?node=statista');
    await page.goBack();
    await page.getByText('Backend Developer (Role)').waitFor();
    expect(new URL(page.url()).search).toBe('?node=backend-developer');
    expect(await drawn('node')).toEqual(await neighbourhoodIds('backend-developer'));
  });

  it('logged no error', () => {
    expect(tab.errors).toEqual([]);
  });
});

describe('the explorer, live', () => {
  let live: RecordedPage;
  let editor: Record<string, string>;
  beforeAll(async () => {
    editor = await bearer(['editor']);
    const running = await metric(server.url, 'graphql_ws_subscriptions_active');
    live = await openPage(browser);
    await live.page.goto(`${server.url}/explorer?node=backend-developer`);
    await live.page.getByText('Backend Developer (Role)').waitFor();
    await live.page.locator('#live[data-state="on"]').waitFor();
    await waitFor(async () => (await metric(server.url, 'graphql_ws_subscriptions_active')) > running, 10_000, 'the explorer’s subscription');
  });
  afterAll(async () => {
    await server.data(`mutation { deleteNode(id: "live-kafka") }`, {}, editor);
  });
  const drawn = (selector: string) => live.page.evaluate((selector) => window.graphExplorer.cy.elements(selector).map((element) => element.id()), selector);

  it('draws a node linked elsewhere into the drawn neighbourhood, without a reload', async () => {
    await server.data(`mutation { upsertTechnology(input: { id: "live-kafka", name: "Live Kafka", kind: TOOL }) { id } }`, {}, editor);
    await server.data(`mutation { link(input: { from: "backend-developer", to: "live-kafka", type: USES }) }`, {}, editor);
    await live.page.waitForFunction(() => window.graphExplorer.cy.getElementById('live-kafka').nonempty());
    expect(await drawn('edge[source = "backend-developer"][target = "live-kafka"]')).toEqual(['backend-developer USES live-kafka']);
    expect(await live.page.evaluate(() => window.graphExplorer.cy.getElementById('live-kafka').data('name'))).toBe('Live Kafka');
  });

  it('renames, unlinks and removes what changes elsewhere', async () => {
    await server.data(`mutation { upsertTechnology(input: { id: "live-kafka", name: "Live Kafka 2", kind: TOOL }) { id } }`, {}, editor);
    await live.page.waitForFunction(() => window.graphExplorer.cy.getElementById('live-kafka').data('name') === 'Live Kafka 2');
    await server.data(`mutation { unlink(input: { from: "backend-developer", to: "live-kafka", type: USES }) }`, {}, editor);
    await live.page.waitForFunction(() => window.graphExplorer.cy.getElementById('backend-developer USES live-kafka').empty());
    await server.data(`mutation { deleteNode(id: "live-kafka") }`, {}, editor);
    await live.page.waitForFunction(() => window.graphExplorer.cy.getElementById('live-kafka').empty());
    expect(live.errors).toEqual([]);
  });
});

describe('the explorer on a server that runs only trusted documents', () => {
  it('works, sending its documents by id once the server asks', async () => {
    const manifest = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'trusted-')), 'manifest.json');
    await fs.writeFile(manifest, trustedDocumentsManifest(explorerDocuments()));
    const trusted = await Harness.start({ trustedDocuments: manifest, trustedDocumentsOnly: true });
    const tab = await openPage(browser);
    const bodies: string[] = [];
    tab.page.on('request', (request) => {
      if (request.method() === 'POST') bodies.push(request.postData() ?? '');
    });
    try {
      await tab.page.goto(`${trusted.url}/explorer?node=backend-developer`);
      await tab.page.getByText('Backend Developer (Role)').waitFor();
      await tab.page.locator('#live[data-state="on"]').waitFor();
      const operations = bodies.map((body) => JSON.parse(body));
      expect(operations[0]).toHaveProperty('query');
      expect(operations.length).toBeGreaterThan(1);
      for (const later of operations.slice(1)) expect(Object.keys(later).sort()).toEqual(['documentId', 'variables']);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.page.context().close();
      await trusted.stop();
    }
  });
});
