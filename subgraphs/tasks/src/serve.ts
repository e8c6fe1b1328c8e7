import { runServiceMain } from '@tiaokuai/platform';
import { startTasksSubgraph } from './index';

/** The tasks process's entry, loaded by main.ts bundled or module by module (platform's boot.ts). */
export function main(): void {
  runServiceMain('tasks', 4002, startTasksSubgraph);
}
