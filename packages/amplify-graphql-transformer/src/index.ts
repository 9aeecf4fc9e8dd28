export { transform } from './transform';
export * from './transform-types';
export type * from './model/api-model';
