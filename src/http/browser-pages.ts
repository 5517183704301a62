import path from 'node:path';
import { Express, Request, Response } from 'express';
import { repoRoot } from '../config';
import { readExampleOperations } from './examples';

/**
 * The pages may load only this server's files. GraphiQL's fonts and icons are data: URLs and it adds
 * <style> elements at run time, hence data: for fonts and images and 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
  ['explorer.js', pageFile('explorer/explorer.js')],
  ['explorer.css', pageFile('explorer/explorer.css')],
]);

/**
 * The GraphiQL IDE at / and at GET /graphql when a browser asks for HTML (operations still reach Apollo),
 * and the graph explorer at /explorer. Mount before Apollo.
 */
export function mountBrowserPages(app: Express): void {
  app.get(['/', '/graphql'], (request, response, next) => {
    if (asksForPage(request)) sendPage(response, pageFile('ide/index.html'));
    else next();
  });
  app.get('/ide/examples.json', async (_request, response) => {
    response.json(await readExampleOperations());
  });
  serveAssets(app, '/ide/assets', IDE_ASSETS);

  app.get('/explorer', (_request, response) => sendPage(response, pageFile('explorer/index.html')));
  serveAssets(app, '/explorer/assets', EXPLORER_ASSETS);
}

/** A browser navigating here, not a client sending an operation (which has a `query` parameter or prefers JSON). */
function asksForPage(request: Request): boolean {
  return request.query.query === undefined && request.accepts(['application/json', 'text/html']) === 'text/html';
}

function sendPage(response: Response, file: string): void {
  response.set({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }).sendFile(file);
}

function serveAssets(app: Express, prefix: string, files: Map<string, string>): void {
  app.get(`${prefix}/:name`, (request, response, next) => {
    const file = files.get(request.params.name as string);
    if (file) response.set('X-Content-Type-Options', 'nosniff').sendFile(file);
    else next();
  });
}
