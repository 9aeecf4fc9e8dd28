import * as fs from 'fs';
import * as path from 'path';
import { createTempProject, readProjectFile } from 'amplify-test-support';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import type { S3Config } from '../service/s3-config';
import { readS3Config, saveDynamoDBResource, saveS3Resource } from '../service/storage-resource';

/** Files the original wrote (or its code writes); see fixtures/original-14.2.2/README.md. */
function original<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', name), 'utf8')) as T;
}

const auth = { myapp5278e799: { service: 'Cognito', providerPlugin: 'awscloudformation' } };

describe("storage files in the original's shape", () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(() => {
    project = createTempProject({ auth });
  });
  afterEach(() => project.remove());

  const resourceFile = <T>(resourceName: string, file: string): T => readProjectFile<T>(project.root, `amplify/backend/storage/${resourceName}/${file}`);

  it('S3: cli-inputs.json, build/parameters.json and the backend-config entry key by key', async () => {
    const theirs = original<S3Config>('s3-cli-inputs.json');
    // The original's headless add leaves out triggerFunction; its walkthrough writes "NONE", as this tool does.
    await saveS3Resource(project.root, { ...theirs, triggerFunction: 'NONE' }, 'add');
    expect(resourceFile(theirs.resourceName, 'cli-inputs.json')).toEqual({ ...theirs, triggerFunction: 'NONE' });
    expect(resourceFile(theirs.resourceName, 'build/parameters.json')).toEqual(original('s3-build-parameters.json'));
    const entry = readProjectFile<{ storage: Record<string, unknown> }>(project.root, 'amplify/backend/backend-config.json').storage[theirs.resourceName];
    expect(entry).toEqual({ service: 'S3', providerPlugin: 'awscloudformation', dependsOn: [] });
  });

  it("S3: the original's cli-inputs.json without triggerFunction reads as no trigger", () => {
    const theirs = original<S3Config>('s3-cli-inputs.json');
    fs.mkdirSync(path.join(project.root, 'amplify/backend/storage', theirs.resourceName), { recursive: true });
    fs.writeFileSync(path.join(project.root, 'amplify/backend/storage', theirs.resourceName, 'cli-inputs.json'), JSON.stringify(theirs));
    expect(readS3Config(project.root, theirs.resourceName)).toEqual({ ...theirs, triggerFunction: 'NONE' });
  });

  it('DynamoDB: cli-inputs.json (gsi and triggerFunctions always lists) and build/parameters.json key by key', async () => {
    const theirs = original<DynamoDBConfig>('dynamodb-cli-inputs.json');
    const { gsi: _gsi, triggerFunctions: _triggers, ...answers } = theirs;
    await saveDynamoDBResource(project.root, answers, 'add');
    const written = resourceFile<Record<string, unknown>>(theirs.resourceName, 'cli-inputs.json');
    expect(written).toEqual(theirs);
    expect(Object.keys(written)).toEqual(Object.keys(theirs));
    expect(resourceFile(theirs.resourceName, 'build/parameters.json')).toEqual(original('dynamodb-build-parameters.json'));
    expect(fs.existsSync(path.join(project.root, 'amplify/backend/storage/notes/build/notes-cloudformation-template.json'))).toBe(true);
  });
});
