import type { GraphQLResolveInfo } from 'graphql';

/**
 * Whether the field being resolved asks its objects for nothing but these fields (and
 * `__typename`), as the gateway does when another subgraph resolves the rest: the caller can
 * then answer references (`{ id }`) without loading the objects. Fragments count as asking
 * for more, so the answer is never short of a field.
 */
export function selectsOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes'>, fields: readonly string[]): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (s) =>
        s.kind === 'Field' && (s.name.value === '__typename' || fields.includes(s.name.value)) && !s.directives?.length,
    ),
  );
}
