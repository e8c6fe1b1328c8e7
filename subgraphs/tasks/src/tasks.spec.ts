import { buildTasksSchema } from './index';
import { graphql } from 'graphql';

describe('tasks subgraph skeleton', () => {
  it('declares its entity with a federation key and answers null for an unknown id', async () => {
    const { schema, sdl } = await buildTasksSchema();
    expect(sdl).toContain('type Task @key(fields: "id")');
    const r = await graphql({ schema, source: '{ task(id: "1") { id } }', contextValue: {} });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ task: null });
  });
});
