import { TypeSpecs } from '../graph/projection';
import { RESPONSIBILITY_SPEC } from './responsibility/responsibility.cypher';
import { COLLABORATION_SPEC, ROLE_SPEC, SKILL_REQUIREMENT_SPEC } from './role/role.cypher';
import { SALARY_SPEC } from './salary/salary.cypher';
import { SKILL_SPEC } from './skill/skill.cypher';
import { TEAM_SPEC } from './team/team.cypher';
import { TECHNOLOGY_SPEC } from './technology/technology.cypher';

/** How each GraphQL type's relation fields map to graph patterns, for the projection compiler. */
export const TYPE_SPECS: TypeSpecs = {
  Role: ROLE_SPEC,
  Collaboration: COLLABORATION_SPEC,
  SkillRequirement: SKILL_REQUIREMENT_SPEC,
  Responsibility: RESPONSIBILITY_SPEC,
  Technology: TECHNOLOGY_SPEC,
  Skill: SKILL_SPEC,
  Salary: SALARY_SPEC,
  Team: TEAM_SPEC,
};
