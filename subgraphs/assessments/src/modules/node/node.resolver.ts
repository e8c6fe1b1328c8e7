/** `node(id)` and `nodes(ids)`: global object identification across the subgraphs (node.service.ts). */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import * as nodes from './node.service';
import { Node } from './node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      '按全局标识查找 (node by global id): the object with this id, of any type, whichever subgraph owns it; null when the id is unknown, the object is gone (a finding settled) or out of sight',
  })
  node(
    @Arg('id', () => ID, { description: '全局标识 (global id), as an object’s `id` gave it' }) id: string,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return nodes.node(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `按全局标识批量查找 (nodes by global ids): node(id) for each id, in the order given, null where node(id) is; at most ${nodes.MAX_NODE_IDS} ids`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: `全局标识 (global ids), at most ${nodes.MAX_NODE_IDS}` }) ids: string[],
    @Ctx() ctx: AssessmentsContext,
  ) {
    return nodes.nodes(ctx, ids);
  }
}
