import { Express } from 'express';
import { Graph } from '../graph/driver';

/** /health/live answers while the process serves; /health/ready only while Neo4j answers too. */
export function mountHealth(app: Express, graph: Graph): void {
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await graph.verify();
      response.json({ status: 'ok' });
    } catch {
      response.status(503).json({ status: 'unavailable', reason: 'the graph database cannot be reached' });
    }
  });
}
