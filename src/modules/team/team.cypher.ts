import { paged, RelationSpec, TypeSpec } from '../../graph/projection';

const roles: RelationSpec = { target: 'Role', match: ({ from, to }) => `MATCH (${from})<-[:MEMBER_OF]-(${to}:Role)` };

export const TEAM_SPEC: TypeSpec = {
  relations: { roles, rolesConnection: paged(roles, 'TeamRolesConnection') },
};
