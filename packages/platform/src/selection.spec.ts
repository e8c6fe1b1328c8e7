import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { selectsOnly } from './selection';

/** The field nodes of the query's first top-level field, as a resolver's info holds them. */
const fieldNodes = (query: string): FieldNode[] => [
  (parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode,
];

describe('selectsOnly', () => {
  it.each([
    ['{ tasks { id } }', true],
    ['{ tasks { id __typename } }', true],
    ['{ tasks { ref: id } }', true],
    ['{ tasks { id title } }', false],
    ['{ tasks { ... on Task { id } } }', false],
    ['{ tasks { ...F } } fragment F on Task { id }', false],
    ['{ tasks { id @include(if: true) } }', false],
  ])('%s → %s', (query, expected) => {
    expect(selectsOnly({ fieldNodes: fieldNodes(query) }, ['id'])).toBe(expected);
  });

  it('every node of a field asked twice must qualify', () => {
    const [a] = fieldNodes('{ tasks { id } }');
    const [b] = fieldNodes('{ tasks { title } }');
    expect(selectsOnly({ fieldNodes: [a, a] }, ['id'])).toBe(true);
    expect(selectsOnly({ fieldNodes: [a, b] }, ['id'])).toBe(false);
  });
});
