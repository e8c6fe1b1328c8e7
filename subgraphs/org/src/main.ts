import { runServiceMain } from '@tiaokuai/common';
import { startOrgSubgraph } from './index';

runServiceMain('org', 4001, startOrgSubgraph);
