import { runServiceMain } from '@tiaokuai/platform';
import { startOrgSubgraph } from './index';

/** The org process's entry, loaded by main.ts bundled or module by module (platform's boot.ts). */
export function main(): void {
  runServiceMain('org', 4001, startOrgSubgraph);
}
