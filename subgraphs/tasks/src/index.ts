import { buildSkeletonSchema, startSkeletonSubgraph, type ServiceStartOptions } from '@tiaokuai/common';

/**
 * The tasks subgraph, a skeleton until its issue lands: one entity, `Task @key(fields: "id")`,
 * so the supergraph composes with all three subgraphs from the start.
 */
export const buildTasksSchema = () => buildSkeletonSchema('tasks', 'Task', '一项党建任务（任务子图骨架：issue 4 填充）');

export const startTasksSubgraph = (opts: Pick<ServiceStartOptions, 'port' | 'secret'>) => startSkeletonSubgraph('tasks', 'Task', '一项党建任务（任务子图骨架：issue 4 填充）', opts.port, opts.secret);
