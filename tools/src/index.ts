export * from './launcher';
export * from './demo';
