import { buildAssessmentsSchema } from './index';
import { graphql } from 'graphql';

describe('assessments subgraph skeleton', () => {
  it('declares its entity with a federation key and answers null for an unknown id', async () => {
    const { schema, sdl } = await buildAssessmentsSchema();
    expect(sdl).toContain('type Assessment @key(fields: "id")');
    const r = await graphql({ schema, source: '{ assessment(id: "1") { id } }', contextValue: {} });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ assessment: null });
  });
});
