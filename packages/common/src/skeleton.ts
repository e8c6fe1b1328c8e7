import 'reflect-metadata';
import { Arg, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema, startSubgraphServer, type FederatedSchema, type RunningServer } from './subgraph';

/**
 * A subgraph that is still a skeleton: one federation entity with an id, composing cleanly,
 * owning no data yet (issue 2 allows it for tasks and assessments; issues 4 and 5 fill them).
 * Its query answers null for every id, truthfully: nothing has been stored.
 */
export function buildSkeletonSchema(name: string, entity: string, description: string): Promise<FederatedSchema> {
  @Directive('@key(fields: "id")')
  @ObjectType(entity, { description })
  class Entity {
    @Field(() => ID) id!: string;
  }

  @Resolver(() => Entity)
  class EntityResolver {
    @Query(() => Entity, { name: entity.charAt(0).toLowerCase() + entity.slice(1), nullable: true, description: `${entity} by id (none exist yet)` })
    find(@Arg('id', () => ID) _id: string): Entity | null {
      return null;
    }
  }

  return buildFederatedSchema({
    name,
    resolvers: [EntityResolver],
    federationImports: ['@key'],
    references: { [entity]: () => null },
  });
}

export async function startSkeletonSubgraph(name: string, entity: string, description: string, port: number, secret: string): Promise<RunningServer> {
  const { schema } = await buildSkeletonSchema(name, entity, description);
  return startSubgraphServer({ name, schema, secret, context: () => ({}) }, port);
}
