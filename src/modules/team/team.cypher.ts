import { TypeSpec } from '../../graph/projection';

export const TEAM_SPEC: TypeSpec = {
  relations: {
    roles: { target: 'Role', match: ({ from, to }) => `MATCH (${from})<-[:MEMBER_OF]-(${to}:Role)` },
  },
};
