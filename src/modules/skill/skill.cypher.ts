import { PageQuery } from '../../graph/connection';
import { relationshipCountTo } from '../../model/cypher';
import { requires } from '../../model/model';
import { everyNodePage } from '../node/node.cypher';
import { SkillOrderBy, SkillsArgs } from './skill.inputs';

/** The `skillsConnection` page: by name (the (name, id) index), or most required first (a count per skill that no index serves). */
export function skillsPage({ orderBy, first, after }: SkillsArgs): PageQuery {
  const page = everyNodePage('Skill', { first, after });
  return orderBy === SkillOrderBy.REQUIRED_BY_DESC ? { ...page, rank: (node) => relationshipCountTo(requires, node) } : page;
}
