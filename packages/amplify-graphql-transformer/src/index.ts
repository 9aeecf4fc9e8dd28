export { transform } from './transform';
export * from './transform-types';
export type * from './model/api-model';
export { findDestructiveChanges, type DestructiveChange, type DestructiveChangeOptions } from './resources';
