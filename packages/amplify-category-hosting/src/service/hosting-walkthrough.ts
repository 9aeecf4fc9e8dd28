import { AmplifyError, type CommandOptions, type Prompter } from 'amplify-cli-core';
import {
  bucketNameProblem,
  CUSTOM_ERROR_CODES,
  defaultErrorResponses,
  documentNameProblem,
  type CustomErrorResponse,
  type HostingConfig,
  type HostingEnvironment,
} from './hosting-config';

/** Answers given as flags (`--environment PROD --bucketName my-site`), so add and update run without a terminal. */
export interface HostingFlags {
  environment?: HostingEnvironment;
  bucketName?: string;
  indexDocument?: string;
  errorDocument?: string;
}

function flagText(options: CommandOptions | undefined, name: string): string | undefined {
  const value = options?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new AmplifyError('InvalidFlag', `--${name} needs a value`, { resolution: `Pass --${name} <value>` });
  }
  return value;
}

/** Reads and checks the hosting flags; a bad one fails naming the flag. */
export function readHostingFlags(options: CommandOptions | undefined): HostingFlags {
  const flags: HostingFlags = {};
  const environment = flagText(options, 'environment')?.toUpperCase();
  if (environment !== undefined) {
    if (environment !== 'DEV' && environment !== 'PROD') {
      throw new AmplifyError('InvalidFlag', `--environment must be DEV or PROD, not ${environment}`, { resolution: 'Pass --environment DEV (S3 website over HTTP) or --environment PROD (CloudFront over HTTPS)' });
    }
    flags.environment = environment;
  }
  const checks: Array<[keyof Omit<HostingFlags, 'environment'>, (value: string) => string | undefined]> = [
    ['bucketName', bucketNameProblem],
    ['indexDocument', documentNameProblem],
    ['errorDocument', documentNameProblem],
  ];
  for (const [name, problemOf] of checks) {
    const value = flagText(options, name);
    if (value === undefined) continue;
    const problem = problemOf(value);
    if (problem) throw new AmplifyError('InvalidFlag', `--${name} ${value}: ${problem}`, { resolution: `Pass a valid --${name}` });
    flags[name] = value;
  }
  return flags;
}

const ENVIRONMENT_CHOICES = [
  { name: 'DEV (S3 only with HTTP)', value: 'DEV' as const },
  { name: 'PROD (S3 with CloudFront using HTTPS)', value: 'PROD' as const },
];

const validator = (problemOf: (value: string) => string | undefined) => (value: string) => problemOf(value) ?? true;

async function askWebsite(prompter: Prompter, config: HostingConfig, flags: HostingFlags): Promise<void> {
  config.indexDocument =
    flags.indexDocument ?? (await prompter.input({ message: 'index doc for the website', default: config.indexDocument, validate: validator(documentNameProblem), flag: '--indexDocument' }));
  config.errorDocument =
    flags.errorDocument ?? (await prompter.input({ message: 'error doc for the website', default: config.errorDocument, validate: validator(documentNameProblem), flag: '--errorDocument' }));
}

async function askBucketName(prompter: Prompter, config: HostingConfig, flags: HostingFlags): Promise<void> {
  config.bucketName = flags.bucketName ?? (await prompter.input({ message: 'hosting bucket name', default: config.bucketName, validate: validator(bucketNameProblem), flag: '--bucketName' }));
}

/** `amplify add hosting` for S3AndCloudFront: the setup, the bucket name and, for DEV, the website documents. */
export async function runAddWalkthrough(prompter: Prompter, defaults: HostingConfig, flags: HostingFlags): Promise<HostingConfig> {
  const config: HostingConfig = structuredClone(defaults);
  config.environment =
    flags.environment ?? (await prompter.pick<HostingEnvironment>({ message: 'Select the environment setup:', choices: ENVIRONMENT_CHOICES, default: 'DEV', flag: '--environment DEV|PROD' }));
  await askBucketName(prompter, config, flags);
  if (config.environment === 'DEV') await askWebsite(prompter, config, flags);
  return config;
}

type Section = 'Website' | 'CloudFront' | 'Publish' | 'exit';

export interface ConfigureOptions {
  /** Whether the bucket exists already: its name is asked only before the first push. */
  deployed: boolean;
  /** The section loop's third entry: editing amplifyPublishIgnore.json. */
  editPublishIgnore(): Promise<void>;
  print(message: string): void;
}

/**
 * `amplify configure hosting`: flags first, then the section menu until `exit` (under `--yes`, the menu's default
 * is `exit`, so flags alone decide).
 */
export async function runConfigureWalkthrough(prompter: Prompter, current: HostingConfig, flags: HostingFlags, options: ConfigureOptions): Promise<HostingConfig> {
  const config: HostingConfig = structuredClone(current);
  if (flags.environment) config.environment = flags.environment;
  if (flags.bucketName) {
    if (options.deployed) throw new AmplifyError('InvalidFlag', '--bucketName: the hosting bucket is deployed, and its name cannot change', { resolution: 'Remove hosting, push, and add it again with the new name' });
    config.bucketName = flags.bucketName;
  }
  if (flags.indexDocument) config.indexDocument = flags.indexDocument;
  if (flags.errorDocument) config.errorDocument = flags.errorDocument;
  for (;;) {
    const section = await prompter.pick<Section>({ message: 'Specify the section to configure', choices: ['Website', 'CloudFront', 'Publish', 'exit'], default: 'exit' });
    if (section === 'exit') return config;
    if (section === 'Website') {
      if (!options.deployed) await askBucketName(prompter, config, {});
      if (config.environment === 'PROD') options.print('With CloudFront the bucket is no website: the distribution serves its default root object and error pages (section CloudFront).');
      else await askWebsite(prompter, config, {});
    } else if (section === 'CloudFront') {
      await configureCloudFront(prompter, config, options.print);
    } else {
      await options.editPublishIgnore();
    }
  }
}

async function askNumber(prompter: Prompter, message: string, value: number): Promise<number> {
  const answer = await prompter.input({ message, default: String(value), validate: (text) => (/^\d+$/.test(text) ? true : 'Enter a whole number of seconds') });
  return Number(answer);
}

async function configureCloudFront(prompter: Prompter, config: HostingConfig, print: (message: string) => void): Promise<void> {
  if (config.environment === 'DEV') {
    const add = await prompter.confirm({ message: 'Add CloudFront to hosting (PROD: a private bucket behind CloudFront using HTTPS)?', default: false });
    if (!add) return;
    config.environment = 'PROD';
  } else if (await prompter.confirm({ message: 'Remove CloudFront from hosting (DEV: the bucket becomes a public S3 website over HTTP)?', default: false })) {
    config.environment = 'DEV';
    return;
  }
  const cloudFront = config.cloudFront;
  cloudFront.defaultRootObject = await prompter.input({ message: 'default object to return from origin', default: cloudFront.defaultRootObject, validate: validator(documentNameProblem) });
  cloudFront.defaultTTL = await askNumber(prompter, 'Default TTL for the default cache behavior', cloudFront.defaultTTL);
  cloudFront.maxTTL = await askNumber(prompter, 'Max TTL for the default cache behavior', cloudFront.maxTTL);
  cloudFront.minTTL = await askNumber(prompter, 'Min TTL for the default cache behavior', cloudFront.minTTL);
  if (!(cloudFront.minTTL <= cloudFront.defaultTTL && cloudFront.defaultTTL <= cloudFront.maxTTL)) {
    throw new AmplifyError('InvalidInput', `The TTLs must satisfy Min (${cloudFront.minTTL}) <= Default (${cloudFront.defaultTTL}) <= Max (${cloudFront.maxTTL})`, { resolution: 'Run "amplify configure hosting" again with ordered TTLs' });
  }
  if (await prompter.confirm({ message: 'Configure Custom Error Responses', default: true })) {
    cloudFront.customErrorResponses = await editErrorResponses(prompter, cloudFront.customErrorResponses, cloudFront.defaultRootObject);
  }
  print(`CloudFront: root object ${cloudFront.defaultRootObject}, ${cloudFront.customErrorResponses.length} custom error responses`);
}

async function editErrorResponses(prompter: Prompter, current: CustomErrorResponse[], rootObject: string): Promise<CustomErrorResponse[]> {
  let responses = current.length > 0 ? [...current] : defaultErrorResponses(rootObject);
  for (;;) {
    const action = await prompter.pick<'add' | 'edit' | 'remove' | 'exit'>({ message: 'Select the action for custom error responses', choices: ['add', 'edit', 'remove', 'exit'], default: 'exit' });
    if (action === 'exit') return responses.sort((a, b) => a.errorCode - b.errorCode);
    const configured = responses.map((entry) => entry.errorCode);
    if (action === 'remove' || action === 'edit') {
      if (configured.length === 0) continue;
      const code = await prompter.pick<number>({ message: `Select the error code to ${action}`, choices: configured.map((value) => ({ name: String(value), value })) });
      responses = responses.filter((entry) => entry.errorCode !== code);
      if (action === 'remove') continue;
      responses.push(await askErrorResponse(prompter, code, current.find((entry) => entry.errorCode === code), rootObject));
    } else {
      const free = CUSTOM_ERROR_CODES.filter((code) => !configured.includes(code));
      if (free.length === 0) continue;
      const code = await prompter.pick<number>({ message: 'Select the error code', choices: free.map((value) => ({ name: String(value), value })) });
      responses.push(await askErrorResponse(prompter, code, undefined, rootObject));
    }
  }
}

async function askErrorResponse(prompter: Prompter, errorCode: number, current: CustomErrorResponse | undefined, rootObject: string): Promise<CustomErrorResponse> {
  const responseCode = await askNumber(prompter, 'Response code', current?.responseCode ?? 200);
  const responsePagePath = await prompter.input({
    message: 'Response page path',
    default: current?.responsePagePath ?? `/${rootObject}`,
    validate: (page) => (page.startsWith('/') ? true : 'The page path begins with /'),
  });
  const errorCachingMinTTL = await askNumber(prompter, 'Error caching min TTL', current?.errorCachingMinTTL ?? 300);
  return { errorCode, responseCode, responsePagePath, errorCachingMinTTL };
}
