export * from './launcher';
export * from './demo';
export * from './reliability';
