import { registerEnumType } from 'type-graphql';

export enum TechnologyKind {
  SERVER = 'SERVER',
  DATABASE = 'DATABASE',
  APPLICATION = 'APPLICATION',
  LANGUAGE = 'LANGUAGE',
  FRAMEWORK = 'FRAMEWORK',
  TOOL = 'TOOL',
}
registerEnumType(TechnologyKind, { name: 'TechnologyKind' });
