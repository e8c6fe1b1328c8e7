/**
 * Global object identification (docs/api.md "Ids"): the `Node` interface, an entity interface
 * (federation 2.3 `@key` on an interface) defined here with every type that implements it. The
 * types org and tasks own appear here with their key alone; the gateway fetches the rest of them
 * from their own subgraph, which finds the object again from the id.
 */
import 'reflect-metadata';
import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@InterfaceType({
  description:
    '节点 (node): an object with a global id. `node(id)` and `nodes(ids)` find it again, whichever subgraph owns it; the id is opaque and stable',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description: '全局标识 (global id): opaque, stable, unique across every type; `node(id)` finds the object again',
  })
  id!: string;
}

/** What `node` answers: the type name and the id (the gateway fetches the fields the query asks for). */
export interface NodeReference {
  __typename: string;
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Anomaly', {
  implements: Node,
  description: '领导关系异常 (leadership anomaly): owned by the org subgraph; here only its id, for node(id)',
})
export class AnomalyNode {
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('TaskConflict', {
  implements: Node,
  description: '任务问题 (task finding): owned by the tasks subgraph; here only its id, for node(id)',
})
export class TaskConflictNode {
  id!: string;
}
