/** Names the core and the categories know this provider by; they follow the original so scripts carry over. */
export const PROVIDER_NAME = 'awscloudformation';
export const PROVIDER_ALIASES = ['awscfn', 'aws', 'cloudformation', 'cfn'] as const;

/** Where the deployment bucket keeps each kind of artifact. */
export const CFN_TEMPLATES_PREFIX = 'amplify-cfn-templates';
export const BUILDS_PREFIX = 'amplify-builds';
export const ROOT_TEMPLATE_KEY = 'nested-cloudformation-stack.yml';
export const CURRENT_CLOUD_BACKEND_ZIP = '#current-cloud-backend.zip';

/** Root-stack resources that are not category stacks, so their outputs never land in a category's meta. */
export const ROOT_STACK_OWN_RESOURCES = ['DeploymentBucket', 'DeploymentBucketBlockHTTP', 'AuthRole', 'UnauthRole'] as const;

export const DEFAULT_REGION = 'us-east-1';

/** The local cloud is a single-region emulator; every local project lives here. */
export const LOCAL_CLOUD_REGION = 'us-east-1';
