import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsNodeId, IsText } from '../node/node.inputs';
import { SalaryGroupBy, SalaryPeriod, Seniority } from './salary.enums';

export const MIN_YEAR = 1950;
export const maxYear = (): number => new Date().getUTCFullYear() + 1;

@InputType()
export class SalaryWhere {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as AU' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as AUD' })
  currency?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(maxYear())
  year?: number | null;

  @Field(() => Seniority, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Seniority))
  seniority?: Seniority | null;

  @Field(() => SalaryPeriod, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SalaryPeriod))
  period?: SalaryPeriod | null;

  @Field(() => String, { nullable: true, description: 'Survey: remote, hybrid or in person, as that year\'s survey words it.' })
  @IsOptional()
  @IsText()
  remoteWork?: string | null;

  @Field(() => String, { nullable: true, description: 'Survey: the size of the organisation, as that year\'s survey words it.' })
  @IsOptional()
  @IsText()
  orgSize?: string | null;
}

/** The arguments of a role's `salaries` and `salariesConnection`: which of its salaries. */
@ArgsType()
export class SalaryWhereArgs {
  @Field(() => SalaryWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  where?: SalaryWhere | null;
}

@ArgsType()
export class SalaryStatsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsNodeId()
  roleId?: string | null;

  @Field(() => SalaryGroupBy)
  @IsIn(Object.values(SalaryGroupBy))
  groupBy!: SalaryGroupBy;

  @Field(() => SalaryWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  where?: SalaryWhere | null;
}

/** The contract's amount rule: finite, > 0 and < 1e9. */
function IsSalaryAmount(): PropertyDecorator {
  return ValidateBy({
    name: 'isSalaryAmount',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1e9,
      defaultMessage: () => 'amount must be a finite number greater than 0 and less than 1e9',
    },
  });
}

@InputType()
export class SalaryInput {
  @Field(() => ID)
  @IsNodeId()
  roleId!: string;

  @Field(() => Float)
  @IsSalaryAmount()
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. AUD.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as AUD' })
  currency!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. AU.' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as AU' })
  country!: string;

  @Field(() => Int)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(maxYear())
  year!: number;

  @Field(() => Seniority)
  @IsIn(Object.values(Seniority))
  seniority!: Seniority;

  @Field(() => SalaryPeriod, { nullable: true, defaultValue: SalaryPeriod.YEAR })
  @IsIn(Object.values(SalaryPeriod))
  period: SalaryPeriod = SalaryPeriod.YEAR;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsNodeId()
  sourceId?: string | null;
}
