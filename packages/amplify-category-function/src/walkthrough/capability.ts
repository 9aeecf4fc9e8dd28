import type { PromptChoice } from 'amplify-cli-core';

/** What `amplify add function` makes: the original's two services of the category. */
export type Capability = 'function' | 'layer';

export const CAPABILITY_ADD_MESSAGE = 'Select which capability you want to add:';
export const CAPABILITY_UPDATE_MESSAGE = 'Select which capability you want to update:';

export const CAPABILITY_CHOICES: ReadonlyArray<PromptChoice<Capability>> = [
  { name: 'Lambda function (serverless function)', value: 'function' },
  { name: 'Lambda layer (shared code & resource used across functions)', value: 'layer' },
];
