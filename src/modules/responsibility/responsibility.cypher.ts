import { TypeSpec } from '../../graph/projection';

export const RESPONSIBILITY_SPEC: TypeSpec = {
  relations: {
    roles: { target: 'Role', match: ({ from, to }) => `MATCH (${from})<-[:HAS_RESPONSIBILITY]-(${to}:Role)` },
    technologies: { target: 'Technology', match: ({ from, to }) => `MATCH (${from})-[:INVOLVES]->(${to}:Technology)` },
    sources: { target: 'Source', match: ({ from, to }) => `MATCH (${from})-[:CITES]->(${to}:Source)` },
  },
};
