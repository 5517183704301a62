import { TypeSpec } from '../../graph/projection';

export const TECHNOLOGY_SPEC: TypeSpec = {
  relations: {
    usedBy: {
      target: 'Role',
      match: ({ from, to }) => `CALL (${from}) {
        MATCH (${from})<-[:USES]-(r:Role) RETURN r AS ${to}
        UNION
        MATCH (${from})<-[:INVOLVES]-(:Responsibility)<-[:HAS_RESPONSIBILITY]-(r:Role) RETURN r AS ${to}
      }`,
    },
    responsibilities: {
      target: 'Responsibility',
      match: ({ from, to }) => `MATCH (${from})<-[:INVOLVES]-(${to}:Responsibility)`,
    },
  },
};
