/** The federation entity `Unit` (org's) as this subgraph extends it. */
import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: '单位：A unit (owned by the org subgraph); here its assessments and assessment findings' })
export class Unit {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
}
