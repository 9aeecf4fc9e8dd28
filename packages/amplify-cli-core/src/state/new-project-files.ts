import * as fs from 'fs';
import { pathManager } from '../paths/path-manager';
import { readJsonFile, writeJsonFile } from './json-file';
import { readProjectFile } from './project-file-shapes';
import { DEFAULT_PROJECT_TAGS } from './project-tags';
import { isRecord } from '../utils/is-record';
import type { ProjectTags } from './types';

/**
 * The feature flags the original writes to `amplify/cli.json` for a new project (its `getNewProjectDefaults()` of
 * 14.2.2). Without the file the original takes a project for one made before the flags existed and, among
 * others, compiles its GraphQL API with transformer v1.
 */
export const NEW_PROJECT_FEATURE_FLAGS = {
  graphqltransformer: {
    addmissingownerfields: true,
    improvepluralization: false,
    validatetypenamereservedwords: true,
    useexperimentalpipelinedtransformer: true,
    enableiterativegsiupdates: true,
    secondarykeyasgsi: true,
    skipoverridemutationinputtypes: true,
    transformerversion: 2,
    suppressschemamigrationprompt: true,
    securityenhancementnotification: false,
    showfieldauthnotification: false,
    usesubusernamefordefaultidentityclaim: true,
    usefieldnameforprimarykeyconnectionfield: false,
    enableautoindexquerynames: true,
    respectprimarykeyattributesonconnectionfield: true,
    shoulddeepmergedirectiveconfigdefaults: false,
    populateownerfieldforstaticgroupauth: true,
    subscriptionsinheritprimaryauth: false,
    enablegen2migration: false,
  },
  'frontend-ios': { enablexcodeintegration: true },
  auth: {
    enablecaseinsensitivity: true,
    useinclusiveterminology: true,
    breakcirculardependency: true,
    forcealiasattributes: false,
    useenabledmfas: true,
  },
  codegen: {
    useappsyncmodelgenplugin: true,
    usedocsgeneratorplugin: true,
    usetypesgeneratorplugin: true,
    cleangeneratedmodelsdirectory: true,
    retaincasestyle: true,
    addtimestampfields: true,
    handlelistnullabilitytransparently: true,
    emitauthprovider: true,
    generateindexrules: true,
    enabledartnullsafety: true,
    generatemodelsforlazyloadandcustomselectionset: false,
  },
  appsync: { generategraphqlpermissions: true },
  latestregionsupport: { pinpoint: 1, translate: 1, transcribe: 1, rekognition: 1, textract: 1, comprehend: 1 },
  project: { overrides: true },
} as const;

/**
 * The project-wide files the original's `init` writes for a new project besides project-config.json and
 * backend-config.json: `amplify/cli.json` with the new-project feature flags and an empty `debug` (kept when it
 * already has `features`, e.g. a project cloned with its cli.json) and `backend/tags.json` with the two default
 * stack tags (added to the tags already there).
 */
export function writeNewProjectFiles(projectRoot: string): void {
  const cliJsonPath = pathManager.getCLIJSONFilePath(projectRoot);
  const cliJson = readJsonFile<unknown>(cliJsonPath, { throwIfNotExist: false });
  if (!isRecord(cliJson) || !isRecord(cliJson.features)) {
    // `debug` holds the original's "share project config on failures" answer; left unanswered, as its `init --yes` does.
    writeJsonFile(cliJsonPath, { debug: {}, ...(isRecord(cliJson) ? cliJson : {}), features: NEW_PROJECT_FEATURE_FLAGS });
  }
  const tagsPath = pathManager.getTagsConfigFilePath(projectRoot);
  const tags = fs.existsSync(tagsPath) ? (readProjectFile<ProjectTags>(tagsPath, 'projectTags') ?? []) : [];
  const missing = DEFAULT_PROJECT_TAGS.filter((tag) => !tags.some((existing) => existing.Key === tag.Key));
  if (missing.length > 0 || !fs.existsSync(tagsPath)) writeJsonFile(tagsPath, [...tags, ...missing]);
}
