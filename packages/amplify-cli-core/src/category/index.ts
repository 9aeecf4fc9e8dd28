/**
 * The shared machinery of category plugins: command dispatch, walkthrough definitions and their runner, headless
 * request validation, and the resource writer. Each module loads on first use, so importing the core stays cheap.
 */
import type * as WalkthroughModule from './walkthrough';
import type * as HeadlessRequestModule from './headless-request';
import type * as ResourceWriterModule from './resource-writer';
import type * as CommandDispatchModule from './command-dispatch';
import type * as RemoveResourceModule from './remove-resource';

export type {
  Answers,
  Dynamic,
  Question,
  InputQuestion,
  ConfirmQuestion,
  PickQuestion,
  PickManyQuestion,
  RunWalkthroughOptions,
} from './walkthrough';
export type { HeadlessSchema } from './headless-request';
export type { RenderedFile, WriteResourceOptions } from './resource-writer';
export type { CategoryCommand } from './command-dispatch';
export type { RemoveResourceOptions, RemovedResource } from './remove-resource';

export declare const runWalkthrough: typeof WalkthroughModule.runWalkthrough;
export declare const validateHeadlessRequest: typeof HeadlessRequestModule.validateHeadlessRequest;
export declare const writeResource: typeof ResourceWriterModule.writeResource;
export declare const dispatchCategoryCommand: typeof CommandDispatchModule.dispatchCategoryCommand;
export declare const removeResource: typeof RemoveResourceModule.removeResource;

function lazy<T extends object>(load: () => T, name: keyof T & string): void {
  let loaded: T | undefined;
  Object.defineProperty(exports, name, { enumerable: true, get: () => (loaded ??= load())[name] });
}
lazy(() => require('./walkthrough') as typeof WalkthroughModule, 'runWalkthrough');
lazy(() => require('./headless-request') as typeof HeadlessRequestModule, 'validateHeadlessRequest');
lazy(() => require('./resource-writer') as typeof ResourceWriterModule, 'writeResource');
lazy(() => require('./command-dispatch') as typeof CommandDispatchModule, 'dispatchCategoryCommand');
lazy(() => require('./remove-resource') as typeof RemoveResourceModule, 'removeResource');
