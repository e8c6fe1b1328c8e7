import { runServiceMain } from '@tiaokuai/common';
import { startTasksSubgraph } from './index';

runServiceMain('tasks', 4002, startTasksSubgraph);
