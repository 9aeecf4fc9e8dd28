export { transform } from './transform';
export * from './transform-types';
export type * from './model/api-model';
export { findDestructiveChanges, type DestructiveChange, type DestructiveChangeOptions } from './resources';
/** AppSync's scalars and directives as SDL: what a printed schema builds on (introspection, local AppSync). */
export { APPSYNC_PRELUDE_SDL } from './directives';
