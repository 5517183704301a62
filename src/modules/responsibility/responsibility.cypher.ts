import { paged, RelationSpec, TypeSpec } from '../../graph/projection';

const roles: RelationSpec = { target: 'Role', match: ({ from, to }) => `MATCH (${from})<-[:HAS_RESPONSIBILITY]-(${to}:Role)` };
const technologies: RelationSpec = { target: 'Technology', match: ({ from, to }) => `MATCH (${from})-[:INVOLVES]->(${to}:Technology)` };

export const RESPONSIBILITY_SPEC: TypeSpec = {
  relations: {
    roles,
    rolesConnection: paged(roles, 'ResponsibilityRolesConnection'),
    technologies,
    technologiesConnection: paged(technologies, 'ResponsibilityTechnologiesConnection'),
    sources: { target: 'Source', match: ({ from, to }) => `MATCH (${from})-[:CITES]->(${to}:Source)` },
  },
};
