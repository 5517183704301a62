import { Express } from 'express';
import { ChangesConfig } from '../config';
import { Graph } from '../graph/driver';
import { ModelHealth } from '../model/model-audit';
import { SharedState } from '../shared-state';

/**
 * /health/live answers while the process serves; /health/ready only while Neo4j answers too. Both say
 * where the shared state is: "in-process", "ok" (Redis), or "degraded" (Redis down: still ready, since
 * this instance serves on its own). Ready also counts the nodes and relationships that break the model
 * (`modelViolations`, as `npm run graph:check` lists them; null when the count failed), which the API leaves out,
 * and says where graphChanged hears of changes (`changeFeed`: `database`, every writer; `api`, its own writes).
 */
export function mountHealth(app: Express, graph: Graph, shared: Pick<SharedState, 'health'>, model: ModelHealth, changeFeed: ChangesConfig['feed']): void {
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await graph.verify();
      const modelViolations = await model.violations().catch(() => null);
      response.json({ status: 'ok', sharedState: shared.health(), modelViolations, changeFeed });
    } catch {
      response.status(503).json({ status: 'unavailable', reason: 'the graph database cannot be reached', sharedState: shared.health() });
    }
  });
}
