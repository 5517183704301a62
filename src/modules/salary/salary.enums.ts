import { registerEnumType } from 'type-graphql';

export enum Seniority {
  JUNIOR = 'JUNIOR',
  MID = 'MID',
  SENIOR = 'SENIOR',
  LEAD = 'LEAD',
}
registerEnumType(Seniority, { name: 'Seniority' });

export enum SalaryPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  HOUR = 'HOUR',
}
registerEnumType(SalaryPeriod, { name: 'SalaryPeriod' });

export enum SalaryGroupBy {
  SENIORITY = 'SENIORITY',
  COUNTRY = 'COUNTRY',
  YEAR = 'YEAR',
  ROLE = 'ROLE',
  REMOTE_WORK = 'REMOTE_WORK',
  ORG_SIZE = 'ORG_SIZE',
}
registerEnumType(SalaryGroupBy, { name: 'SalaryGroupBy' });
