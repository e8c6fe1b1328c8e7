import { runServiceMain } from '@tiaokuai/common';
import { startAssessmentsSubgraph } from './index';

runServiceMain('assessments', 4003, startAssessmentsSubgraph);
