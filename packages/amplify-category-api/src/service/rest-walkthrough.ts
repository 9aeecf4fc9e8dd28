import { randomUUID } from 'crypto';
import { AmplifyError, type Prompter } from 'amplify-cli-core';
import type { CrudOperation, RestPath, RestPathPermissions } from './api-types';
import { overlappingPath, restNameProblem, restPathProblem } from './rest-resource';

export interface RestWalkthroughEnvironment {
  prompter: Prompter;
  /** Names already used in the api category. */
  apiNames: string[];
  functions: string[];
  groups: string[];
  /** Creates a function through the function category and returns its name. */
  createFunction: () => Promise<string>;
}

const CRUD: CrudOperation[] = ['create', 'read', 'update', 'delete'];

async function askOperations(prompter: Prompter, who: string, previous: CrudOperation[] | undefined): Promise<CrudOperation[]> {
  return prompter.pick<CrudOperation>({
    message: `What permissions do you want to grant to ${who} users?`,
    choices: CRUD,
    multiSelect: true,
    default: previous && previous.length > 0 ? previous : CRUD,
    validate: (answer) => answer.length > 0 || 'Select at least one option',
  });
}

async function askPermissions(env: RestWalkthroughEnvironment, previous?: RestPathPermissions): Promise<RestPathPermissions> {
  const { prompter } = env;
  if (!(await prompter.confirm({ message: 'Restrict API access?', default: previous?.setting !== 'open' }))) return { setting: 'open' };
  let by: 'users' | 'groups' | 'both' = 'users';
  if (env.groups.length > 0) {
    by = await prompter.pick<'users' | 'groups' | 'both'>({
      message: 'Restrict access by:',
      choices: [
        { name: 'Auth/Guest Users', value: 'users' },
        { name: 'Individual Groups', value: 'groups' },
        { name: 'Both', value: 'both' },
      ],
      default: previous?.groups && Object.keys(previous.groups).length > 0 ? 'groups' : 'users',
    });
  }
  const permissions: RestPathPermissions = { setting: 'private' };
  if (by !== 'groups') {
    permissions.setting = await prompter.pick<'private' | 'protected'>({
      message: 'Who should have access?',
      choices: [
        { name: 'Authenticated users only', value: 'private' },
        { name: 'Authenticated and Guest users', value: 'protected' },
      ],
      default: previous?.setting === 'protected' ? 'protected' : 'private',
    });
    permissions.auth = await askOperations(prompter, 'Authenticated', previous?.auth);
    if (permissions.setting === 'protected') permissions.guest = await askOperations(prompter, 'Guest', previous?.guest);
  }
  if (by !== 'users') {
    const chosen = await prompter.pick<string>({ message: 'Select groups:', choices: env.groups, multiSelect: true, default: Object.keys(previous?.groups ?? {}), validate: (a) => a.length > 0 || 'Select at least one group' });
    permissions.groups = {};
    for (const group of chosen) permissions.groups[group] = await askOperations(prompter, group, previous?.groups?.[group]);
  }
  return permissions;
}

async function askLambda(env: RestWalkthroughEnvironment, previous?: string): Promise<string> {
  const { prompter } = env;
  const source = await prompter.pick<'new' | 'existing'>({
    message: 'Choose a Lambda source',
    choices: [
      { name: 'Create a new Lambda function', value: 'new' },
      ...(env.functions.length > 0 ? [{ name: 'Use a Lambda function already added in the current Amplify project', value: 'existing' as const }] : []),
    ],
    default: previous ? 'existing' : 'new',
  });
  if (source === 'new') {
    const created = await env.createFunction();
    env.functions = [...env.functions, created];
    return created;
  }
  return prompter.pick<string>({ message: 'Choose the Lambda function to invoke by this path', choices: env.functions, default: previous ?? env.functions[0] });
}

/** One path: its name (validated, overlap confirmed), its function and its access. */
async function askPath(env: RestWalkthroughEnvironment, paths: Record<string, RestPath>, defaultPath: string, previous?: RestPath): Promise<[string, RestPath]> {
  const { prompter } = env;
  for (;;) {
    const apiPath = await prompter.input({
      message: 'Provide a path (e.g., /book/{isbn}):',
      default: defaultPath,
      validate: (value) => {
        const problem = restPathProblem(value);
        if (problem) return `The path ${problem}`;
        return value === previous?.name || !paths[value] || `The path ${value} is already in this API`;
      },
    });
    const overlap = overlappingPath(apiPath, Object.keys(paths));
    if (
      overlap &&
      !(await prompter.confirm({
        message: `The path ${apiPath} overlaps with ${overlap}. Users authorized to access ${overlap} will also have access to ${apiPath}. Are you sure you want to continue?`,
        default: false,
      }))
    ) {
      continue;
    }
    const lambdaFunction = await askLambda(env, previous?.lambdaFunction);
    const permissions = await askPermissions(env, previous?.permissions);
    return [apiPath, { name: apiPath, lambdaFunction, permissions }];
  }
}

async function askMorePaths(env: RestWalkthroughEnvironment, paths: Record<string, RestPath>): Promise<void> {
  while (await env.prompter.confirm({ message: 'Do you want to add another path?', default: false })) {
    const [apiPath, config] = await askPath(env, paths, nextDefaultPath(paths));
    paths[apiPath] = config;
  }
}

function nextDefaultPath(paths: Record<string, RestPath>): string {
  if (!paths['/items']) return '/items';
  let n = 2;
  while (paths[`/items${n}`]) n++;
  return `/items${n}`;
}

/** `amplify add api` (REST), reference §3.1: name, then paths until no more. */
export async function runRestAddWalkthrough(env: RestWalkthroughEnvironment): Promise<{ apiName: string; paths: Record<string, RestPath> }> {
  const apiName = await env.prompter.input({
    message: 'Provide a friendly name for your resource to be used as a label for this category in the project:',
    default: `api${randomUUID().slice(0, 8)}`,
    validate: (value) => restNameProblem(value, env.apiNames) ?? true,
  });
  const paths: Record<string, RestPath> = {};
  const [first, config] = await askPath(env, paths, '/items');
  paths[first] = config;
  await askMorePaths(env, paths);
  return { apiName, paths };
}

/** `amplify update api` (REST): add, update or remove a path. */
export async function runRestUpdateWalkthrough(env: RestWalkthroughEnvironment, current: Record<string, RestPath>): Promise<Record<string, RestPath>> {
  const { prompter } = env;
  const paths = { ...current };
  const action = await prompter.pick<'add' | 'update' | 'remove'>({
    message: 'What would you like to do?',
    choices: [
      { name: 'Add another path', value: 'add' },
      { name: 'Update path', value: 'update' },
      { name: 'Remove path', value: 'remove' },
    ],
    default: 'add',
  });
  if (action === 'add') {
    const [apiPath, config] = await askPath(env, paths, nextDefaultPath(paths));
    paths[apiPath] = config;
    await askMorePaths(env, paths);
    return paths;
  }
  const names = Object.keys(paths);
  const chosen = await prompter.pick<string>({ message: action === 'update' ? 'Select the path to edit' : 'Select the path to remove', choices: names, default: names[0] });
  if (action === 'remove') {
    if (names.length === 1) {
      throw new AmplifyError('LastPathRemoval', `${chosen} is the only path of this API`, { resolution: 'Remove the whole API with "amplify remove api" instead' });
    }
    delete paths[chosen];
    return paths;
  }
  const previous = paths[chosen];
  delete paths[chosen];
  const [apiPath, config] = await askPath(env, paths, chosen, previous);
  paths[apiPath] = config;
  return paths;
}
