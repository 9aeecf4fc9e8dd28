import { AmplifyError, isRecord, type CommandOptions, type Prompter } from 'amplify-cli-core';
import { defaultGeneratedFileName, defaultIncludePattern, targetChoices, type AppFrontend, type ProjectChoices } from './codegen-defaults';
import { CODEGEN_TARGETS, DEFAULT_MAX_DEPTH, maxDepthProblem, type CodegenProject, type CodegenTarget } from './graphql-config';

/** Answers given on the command line (`--codegen '<json>'`), as the original's push accepts them. */
export interface PresetAnswers {
  target?: CodegenTarget;
  includePattern?: string;
  generateDocs?: boolean;
  maxDepth?: number;
  generatedFileName?: string;
  generateCode?: boolean;
}

export interface AddAnswers extends ProjectChoices {
  generateDocs: boolean;
  generateCode: boolean;
}

const CODEGEN_FLAG = "--codegen '{\"targetLanguage\":\"typescript\",\"includePattern\":\"src/graphql/**/*.ts\",\"generateDocs\":true,\"maxDepth\":2,\"generatedFileName\":\"src/API.ts\",\"generateCode\":true}'";

/** Key spellings the original accepts for each answer. */
const KEY_ALIASES: Record<keyof PresetAnswers, string[]> = {
  target: ['targetlanguage', 'codelanguage', 'target', 'codegentarget', 'language'],
  includePattern: ['includepattern', 'filenamepattern', 'includes'],
  generateDocs: ['generatedocs', 'generatestatements', 'shouldgeneratedocs'],
  maxDepth: ['maxdepth'],
  generatedFileName: ['generatedfilename', 'filename'],
  generateCode: ['generatecode', 'shouldgeneratecode'],
};

function invalidPreset(problem: string): AmplifyError {
  return new AmplifyError('InvalidCodegenAnswers', `--codegen: ${problem}`, { resolution: `Pass the answers as JSON, e.g. ${CODEGEN_FLAG}` });
}

/** Parses `--codegen`; absent gives no presets. */
export function readPresetAnswers(options: CommandOptions | undefined): PresetAnswers {
  const raw = options?.codegen;
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    throw invalidPreset('not valid JSON');
  }
  if (!isRecord(parsed)) throw invalidPreset('expected a JSON object');
  const normalised = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key.toLowerCase().replace(/[-_]/g, ''), value]));
  const pick = (key: keyof PresetAnswers): unknown => KEY_ALIASES[key].map((alias) => normalised[alias]).find((value) => value !== undefined);
  const preset: PresetAnswers = {};
  const target = pick('target');
  if (target !== undefined) {
    if (typeof target !== 'string' || !(CODEGEN_TARGETS as readonly string[]).includes(target)) throw invalidPreset(`targetLanguage must be one of ${CODEGEN_TARGETS.filter(Boolean).join(', ')}`);
    preset.target = target as CodegenTarget;
  }
  const include = pick('includePattern');
  if (include !== undefined) {
    if (typeof include !== 'string') throw invalidPreset('includePattern must be a string');
    preset.includePattern = include;
  }
  for (const key of ['generateDocs', 'generateCode'] as const) {
    const value = pick(key);
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw invalidPreset(`${key} must be true or false`);
    preset[key] = value;
  }
  const depth = pick('maxDepth');
  if (depth !== undefined) {
    const problem = maxDepthProblem(depth);
    if (problem) throw invalidPreset(problem);
    preset.maxDepth = Number(depth);
  }
  const fileName = pick('generatedFileName');
  if (fileName !== undefined) {
    if (typeof fileName !== 'string') throw invalidPreset('generatedFileName must be a string');
    preset.generatedFileName = fileName;
  }
  return preset;
}

const hasTypesFile = (target: CodegenTarget): boolean => target !== 'javascript' && target !== 'android' && target !== '';

const splitPatterns = (answer: string): string[] =>
  answer
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);

function askTarget(prompter: Prompter, app: AppFrontend, preset: PresetAnswers, current?: CodegenTarget): Promise<CodegenTarget> | CodegenTarget {
  const choices = targetChoices(app);
  if (preset.target) return preset.target;
  if (choices.length === 1) return choices[0];
  return prompter.pick<CodegenTarget>({
    message: 'Choose the code generation language target',
    choices,
    default: current && choices.includes(current) ? current : choices[0],
    flag: CODEGEN_FLAG,
  });
}

async function askIncludes(prompter: Prompter, preset: PresetAnswers, defaultPattern: string, app: AppFrontend, target: CodegenTarget): Promise<string[]> {
  const includes = splitPatterns(
    preset.includePattern ?? (await prompter.input({ message: 'Enter the file name pattern of graphql queries, mutations and subscriptions', default: defaultPattern, flag: CODEGEN_FLAG })),
  );
  if (includes.length === 0) {
    throw new AmplifyError('InvalidCodegenAnswers', 'The file name pattern of the GraphQL statements is empty', { resolution: `Answer with a glob such as ${defaultIncludePattern(app, target)}` });
  }
  return includes;
}

async function askMaxDepth(prompter: Prompter, preset: PresetAnswers, current: number): Promise<number> {
  if (preset.maxDepth !== undefined) return preset.maxDepth;
  const answer = await prompter.input({
    message: 'Enter maximum statement depth [increase from default if your schema is deeply nested]',
    default: String(current),
    validate: (value) => maxDepthProblem(value) ?? true,
    flag: CODEGEN_FLAG,
  });
  return Number(answer);
}

async function askFileName(prompter: Prompter, preset: PresetAnswers, defaultName: string): Promise<string> {
  return preset.generatedFileName ?? (await prompter.input({ message: 'Enter the file name for the generated code', default: defaultName, flag: CODEGEN_FLAG }));
}

/** `codegen add` (and the push that adds an API): target, include pattern, statements?, depth, types file, generate now? */
export async function askAddQuestions(prompter: Prompter, app: AppFrontend, preset: PresetAnswers): Promise<AddAnswers> {
  const target = await askTarget(prompter, app, preset);
  const includes = await askIncludes(prompter, preset, defaultIncludePattern(app, target), app, target);
  const generateDocs =
    preset.generateDocs ??
    (await prompter.confirm({ message: 'Do you want to generate/update all possible GraphQL operations - queries, mutations and subscriptions', default: true, flag: CODEGEN_FLAG }));
  const maxDepth = generateDocs ? await askMaxDepth(prompter, preset, DEFAULT_MAX_DEPTH) : undefined;
  if (!hasTypesFile(target)) return { target, includes, generateDocs, maxDepth, generatedFileName: '', generateCode: true };
  const generatedFileName = await askFileName(prompter, preset, defaultGeneratedFileName(app, target));
  const generateCode = preset.generateCode ?? (await prompter.confirm({ message: 'Do you want to generate code for your newly created GraphQL API', default: true, flag: CODEGEN_FLAG }));
  return { target, includes, generateDocs, maxDepth, generatedFileName, generateCode };
}

/** `codegen configure`: target, include pattern, types file, depth, each defaulting to the current entry. */
export async function askConfigureQuestions(prompter: Prompter, app: AppFrontend, preset: PresetAnswers, current: CodegenProject): Promise<ProjectChoices> {
  const currentTarget = current.amplifyExtension.codeGenTarget;
  const target = await askTarget(prompter, app, preset, currentTarget);
  const sameTarget = target === currentTarget;
  const includes = await askIncludes(prompter, preset, sameTarget ? current.includes.join(', ') : defaultIncludePattern(app, target), app, target);
  const generatedFileName = hasTypesFile(target)
    ? await askFileName(prompter, preset, sameTarget && current.amplifyExtension.generatedFileName ? current.amplifyExtension.generatedFileName : defaultGeneratedFileName(app, target))
    : '';
  const maxDepth = await askMaxDepth(prompter, preset, current.amplifyExtension.maxDepth ?? DEFAULT_MAX_DEPTH);
  return { target, includes, generatedFileName, maxDepth };
}
