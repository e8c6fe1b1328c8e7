import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';
import type { LeadershipFlavour, LinkKind } from '../../domain/types';
import { LeadershipFlavourEnum, LinkKindEnum } from '../shared/enums';

@InputType()
export class CreateLinkInput {
  @Field({ description: 'Code of the superior' }) from!: string;
  @Field({ description: 'Code of the subordinate' }) to!: string;
  @Field(() => LinkKindEnum) kind!: LinkKind;
  @Field(() => LeadershipFlavourEnum, { nullable: true }) flavour?: LeadershipFlavour | null;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => String, { nullable: true }) basis?: string | null;
}

@InputType({ description: 'Fields of a link to change; absent fields stay as they are' })
export class UpdateLinkInput {
  @Field(() => ID) id!: string;
  @Field(() => LeadershipFlavourEnum, { nullable: true }) flavour?: LeadershipFlavour | null;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => String, { nullable: true }) basis?: string | null;
}
