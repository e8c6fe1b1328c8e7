export * from './errors';
export * from './dates';
export * from './scalars';
export * from './db';
export * from './subgraph';
export * from './log';
export * from './main';
export * from './skeleton';
