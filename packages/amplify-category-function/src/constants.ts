import * as path from 'path';

export const CATEGORY = 'function';
export const SERVICE = 'Lambda';
export const PROVIDER_PLUGIN = 'awscloudformation';

/** The Lambda runtime written into templates: the current Node.js LTS that Lambda offers. */
export const NODE_RUNTIME = 'nodejs22.x';
export const DEFAULT_HANDLER = 'index.handler';
/** What the original writes into `amplify.state`, so its tooling recognises our functions. */
export const NODE_RUNTIME_PLUGIN_ID = 'amplify-nodejs-function-runtime-provider';

/** Templates and the invoke runner, outside `src/` so `tsc` leaves them as they are (same depth from src/ and lib/). */
export const RESOURCES_DIR = path.resolve(__dirname, '..', 'resources');

export const templateFileName = (functionName: string): string => `${functionName}-cloudformation-template.json`;
export const FUNCTION_PARAMETERS_FILE = 'function-parameters.json';
export const PARAMETERS_FILE = 'parameters.json';
export const AMPLIFY_STATE_FILE = 'amplify.state';
/** Extra IAM statements of the function's role, which the provider adds at push (the original's file). */
export const CUSTOM_POLICIES_FILE = 'custom-policies.json';
