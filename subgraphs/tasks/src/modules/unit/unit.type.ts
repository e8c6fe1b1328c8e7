import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The org subgraph's unit, extended with its tasks. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '单位：A unit (owned by the org subgraph); here its assignments and task findings' })
export class Unit {
  @Field(() => ID, { description: '编号 (id)' }) id!: string;
}
