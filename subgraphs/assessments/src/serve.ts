import { runServiceMain } from '@tiaokuai/platform';
import { startAssessmentsSubgraph } from './index';

/** The assessments process's entry, loaded by main.ts bundled or module by module (platform's boot.ts). */
export function main(): void {
  runServiceMain('assessments', 4003, startAssessmentsSubgraph);
}
