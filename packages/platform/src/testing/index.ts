/**
 * Test support shared by every package's specs: `@tiaokuai/platform/testing`. Left out of the
 * build (tsconfig.json excludes src/testing); jest maps the specifier to this source file.
 */
export * from './log';
export * from './paging';
