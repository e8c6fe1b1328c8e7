/**
 * The pure shared domain: what every subgraph's `src/domain/` may import besides its own
 * modules (ARCHITECTURE.md "Module shape"). No database, no GraphQL, no clock, no process:
 * calendar days, who leads and guides a unit over time (relation periods, the leadership
 * index), which units a caller may see, and the small pure helpers the rules share.
 */
export * from './days';
export * from './relation-periods';
export * from './scope';
export * from './leadership';
export * from './problem';
export * from './fields';
export * from './visibility';
export * from './text';
export * from './collections';
export * from './outliers';
