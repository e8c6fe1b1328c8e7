export * from './launcher';
export * from './demo';
export * from './reliability';
export { recordingProxy, type Captured } from './reliability/hostile';
export { exportHub } from './export';
export { SECTIONS } from './import';
export * from './public-schema';
export * from './import-job';
export * from './sse-frames';
