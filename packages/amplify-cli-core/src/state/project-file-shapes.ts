import { AmplifyError } from '../errors/amplify-error';
import { isRecord } from '../utils/is-record';
import { readJsonFile } from './json-file';

/**
 * The project files whose top-level shape the CLI relies on. Valid JSON of the wrong shape (`null`, a list, a
 * number where an object must be: an editor's slip, a bad merge) would otherwise crash deep inside a command or,
 * worse, be taken as an empty project and overwritten.
 */
export type ProjectFileKind =
  | 'amplifyMeta'
  | 'backendConfig'
  | 'teamProviderInfo'
  | 'localAwsInfo'
  | 'projectConfig'
  | 'localEnvInfo'
  | 'projectTags';

type ShapeCheck = (value: unknown) => string | undefined;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** An object whose values are objects, `levels` deep (`category -> resource -> entry` is 2). */
function objectOfObjects(levels: number, what: string[]): ShapeCheck {
  const check = (value: unknown, keys: string[]): string | undefined => {
    if (!isRecord(value)) {
      return keys.length === 0
        ? `it must be an object, not ${describe(value)}`
        : `"${keys.join('.')}" must be ${what[keys.length - 1]} (an object), not ${describe(value)}`;
    }
    if (keys.length === levels) return undefined;
    for (const [key, entry] of Object.entries(value)) {
      const problem = check(entry, [...keys, key]);
      if (problem) return problem;
    }
    return undefined;
  };
  return (value) => check(value, []);
}

function objectWithFields(fields: Record<string, { type: 'string' | 'string[]'; required: boolean }>): ShapeCheck {
  return (value) => {
    if (!isRecord(value)) return `it must be an object, not ${describe(value)}`;
    for (const [name, { type, required }] of Object.entries(fields)) {
      const field = value[name];
      if (field === undefined) {
        if (required) return `"${name}" is missing`;
        continue;
      }
      const valid = type === 'string' ? typeof field === 'string' : Array.isArray(field) && field.every((item) => typeof item === 'string');
      if (!valid) return `"${name}" must be ${type === 'string' ? 'a string' : 'a list of strings'}, not ${describe(field)}`;
    }
    return undefined;
  };
}

const checks: Record<ProjectFileKind, ShapeCheck> = {
  amplifyMeta: objectOfObjects(2, ['a category or "providers"', 'a resource']),
  backendConfig: objectOfObjects(2, ['a category', 'a resource']),
  teamProviderInfo: objectOfObjects(1, ['an env']),
  localAwsInfo: objectOfObjects(1, ['an env']),
  projectConfig: objectWithFields({
    projectName: { type: 'string', required: true },
    frontend: { type: 'string', required: true },
    providers: { type: 'string[]', required: true },
    version: { type: 'string', required: false },
  }),
  localEnvInfo: objectWithFields({ envName: { type: 'string', required: false }, defaultEditor: { type: 'string', required: false } }),
  projectTags: (value) => {
    if (!Array.isArray(value)) return `it must be a list of {"Key","Value"} tags, not ${describe(value)}`;
    const bad = value.find((tag) => !isRecord(tag) || typeof tag.Key !== 'string' || typeof tag.Value !== 'string');
    return bad === undefined ? undefined : `every tag must be {"Key": string, "Value": string}, not ${JSON.stringify(bad)}`;
  },
};

/** Throws `InvalidProjectFile`, naming the file and what is wrong in it, when `value` is not shaped as `kind`. */
export function assertProjectFileShape(kind: ProjectFileKind, value: unknown, filePath: string): void {
  const problem = checks[kind](value);
  if (problem) {
    throw new AmplifyError('InvalidProjectFile', `${filePath} is malformed: ${problem}`, { resolution: 'Fix or restore the file' });
  }
}

/** A project file parsed and checked, or undefined when it does not exist. */
export function readProjectFile<T>(filePath: string, kind: ProjectFileKind): T | undefined {
  const value = readJsonFile<unknown>(filePath, { throwIfNotExist: false });
  if (value === undefined) return undefined;
  assertProjectFileShape(kind, value, filePath);
  return value as T;
}
