import { buildAssessmentsSchema } from '@tiaokuai/subgraph-assessments';
import { buildOrgSchema } from '@tiaokuai/subgraph-org';
import { buildTasksSchema } from '@tiaokuai/subgraph-tasks';
import type { FederatedSchema } from '@tiaokuai/platform';

/** The hub's subgraphs, their default ports, and how to build each one's schema. */
export const SUBGRAPHS: Array<{ name: string; port: number; build: () => Promise<FederatedSchema> }> = [
  { name: 'org', port: 4001, build: buildOrgSchema },
  { name: 'tasks', port: 4002, build: buildTasksSchema },
  { name: 'assessments', port: 4003, build: buildAssessmentsSchema },
];
