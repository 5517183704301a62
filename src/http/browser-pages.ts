import path from 'node:path';
import { Express, Request, Response } from 'express';
import { repoRoot } from '../config';
import { readExampleOperations } from './examples';
import { explorerModel } from '../model/explorer-model';

/** The pages load only this server's files; data: is for the favicon and GraphiQL's icons. */
const BASE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];
/** GraphiQL's fonts are data: URLs in its stylesheet. */
export const IDE_POLICY = [...BASE_POLICY, "font-src 'self' data:"].join('; ');
/** cytoscape.js adds one <style> element, `.__________cytoscape_container { position: relative; }`: allowed by its hash. */
export const EXPLORER_POLICY = [...BASE_POLICY, "style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"].join('; ');

/** The compiled server runs from dist/, so files are found from the repository root. */
const packageFile = (file: string) => path.join(repoRoot, 'node_modules', file);
const pageFile = (file: string) => path.join(repoRoot, 'src', 'http', file);

const IDE_ASSETS = new Map([
  ['react.production.min.js', packageFile('react/umd/react.production.min.js')],
  ['react-dom.production.min.js', packageFile('react-dom/umd/react-dom.production.min.js')],
  ['graphiql.min.js', packageFile('graphiql/graphiql.min.js')],
  ['graphiql.min.css', packageFile('graphiql/graphiql.min.css')],
  ['ide.js', pageFile('ide/ide.js')],
  ['ide.css', pageFile('ide/ide.css')],
]);

const EXPLORER_ASSETS = new Map([
  ['cytoscape.min.js', packageFile('cytoscape/dist/cytoscape.min.js')],
  ['graphql-ws.min.js', packageFile('graphql-ws/umd/graphql-ws.min.js')],
  ['explorer.js', pageFile('explorer/explorer.js')],
  ['explorer.css', pageFile('explorer/explorer.css')],
]);

/**
 * The GraphiQL IDE at / and at GET /graphql when a browser asks for HTML (operations still reach Apollo),
 * and the graph explorer at /explorer. Mount before Apollo.
 */
export function mountBrowserPages(app: Express): void {
  app.get(['/', '/graphql'], (request, response, next) => {
    if (asksForPage(request)) sendPage(response, pageFile('ide/index.html'), IDE_POLICY);
    else next();
  });
  app.get('/ide/examples.json', async (_request, response) => {
    response.json(await readExampleOperations());
  });
  serveAssets(app, '/ide/assets', IDE_ASSETS);

  app.get('/explorer', (_request, response) => sendPage(response, pageFile('explorer/index.html'), EXPLORER_POLICY));
  app.get('/explorer/model.json', (_request, response) => {
    response.json(explorerModel());
  });
  serveAssets(app, '/explorer/assets', EXPLORER_ASSETS);
}

/** A browser navigating here, not a client sending an operation (which has a `query` parameter or prefers JSON). */
function asksForPage(request: Request): boolean {
  return request.query.query === undefined && request.accepts(['application/json', 'text/html']) === 'text/html';
}

function sendPage(response: Response, file: string, policy: string): void {
  response.set({ 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' }).sendFile(file);
}

function serveAssets(app: Express, prefix: string, files: Map<string, string>): void {
  app.get(`${prefix}/:name`, (request, response, next) => {
    const file = files.get(request.params.name);
    if (file) response.set('X-Content-Type-Options', 'nosniff').sendFile(file);
    else next();
  });
}
