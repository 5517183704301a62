import { TechnologyKind } from '../../modules/technology/technology.enums';

/**
 * The table from O*NET's commodity titles (UNSPSC software classes) to the model's TechnologyKind: the
 * kind of a technology the catalogue (cypher/import/technologies.csv) does not list, which comes first.
 * A commodity title not listed here is an APPLICATION: most of O*NET's software classes are end-user
 * applications (accounting, graphics, office suites), so that is the kind of the unlisted ones.
 */
export const COMMODITY_KINDS: Readonly<Record<string, TechnologyKind>> = {
  'Object or component oriented development software': TechnologyKind.LANGUAGE,
  'Programming languages': TechnologyKind.LANGUAGE,
  'Web platform development software': TechnologyKind.FRAMEWORK,
  'Application server software': TechnologyKind.SERVER,
  'Web server software': TechnologyKind.SERVER,
  'Operating system software': TechnologyKind.SERVER,
  'Cloud-based data access and sharing software': TechnologyKind.SERVER,
  'Database management system software': TechnologyKind.DATABASE,
  'Data base management system software': TechnologyKind.DATABASE,
  'Data base user interface and query software': TechnologyKind.DATABASE,
  'Object oriented data base management software': TechnologyKind.DATABASE,
  'Development environment software': TechnologyKind.TOOL,
  'Program testing software': TechnologyKind.TOOL,
  'Configuration management software': TechnologyKind.TOOL,
  'Compiler and decompiler software': TechnologyKind.TOOL,
  'Network monitoring software': TechnologyKind.TOOL,
};

export function technologyKind(commodityTitle: string): TechnologyKind {
  return COMMODITY_KINDS[commodityTitle] ?? TechnologyKind.APPLICATION;
}
