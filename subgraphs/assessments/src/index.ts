import { buildSkeletonSchema, startSkeletonSubgraph, type ServiceStartOptions } from '@tiaokuai/common';

/**
 * The assessments subgraph, a skeleton until its issue lands: one entity, `Assessment @key(fields: "id")`,
 * so the supergraph composes with all three subgraphs from the start.
 */
export const buildAssessmentsSchema = () => buildSkeletonSchema('assessments', 'Assessment', '一次考核评价（考核子图骨架：issue 5 填充）');

export const startAssessmentsSubgraph = (opts: Pick<ServiceStartOptions, 'port' | 'secret'>) => startSkeletonSubgraph('assessments', 'Assessment', '一次考核评价（考核子图骨架：issue 5 填充）', opts.port, opts.secret);
