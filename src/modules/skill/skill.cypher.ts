import { TypeSpec } from '../../graph/projection';

export const SKILL_SPEC: TypeSpec = {
  relations: {
    requiredBy: { target: 'Role', match: ({ from, to }) => `MATCH (${from})<-[:REQUIRES]-(${to}:Role)` },
    requiredByConnection: {
      target: 'SkillRequiredByConnection',
      paged: true,
      withRel: true,
      match: ({ from, to, rel }) => `MATCH (${from})<-[${rel}:REQUIRES]-(${to}:Role)`,
    },
  },
};
