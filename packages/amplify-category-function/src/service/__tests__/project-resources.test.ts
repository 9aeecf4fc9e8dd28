import * as fs from 'fs';
import * as path from 'path';
import { createTempProject, writeTableInputs } from 'amplify-test-support';
import { readFunction } from '../function-files';
import { accessCandidates, dynamoDbTables, readCrudTable } from '../project-resources';

const meta = {
  providers: { awscloudformation: { Region: 'us-east-1' } },
  storage: { items: { service: 'DynamoDB', providerPlugin: 'awscloudformation' }, files: { service: 'S3', providerPlugin: 'awscloudformation' } },
  function: { me: { service: 'Lambda', providerPlugin: 'awscloudformation' }, other: { service: 'Lambda', providerPlugin: 'awscloudformation' } },
};

describe('project resources', () => {
  test('candidates for access: every resource but the function itself', () => {
    expect(accessCandidates(meta, 'me')).toEqual({ storage: ['items', 'files'], function: ['other'] });
  });

  test('tables: the storage resources of service DynamoDB', () => {
    expect(dynamoDbTables(meta)).toEqual(['items']);
  });

  test('a table from cli-inputs.json, or from the classic parameters.json', () => {
    const project = createTempProject();
    try {
      writeTableInputs(project.root, 'items', { tableName: 'itemsT', partitionKey: { fieldName: 'id', fieldType: 'number' } });
      expect(readCrudTable(project.root, 'items')).toEqual({ resourceName: 'items', tableName: 'itemsT', partitionKey: { name: 'id', type: 'number' }, sortKey: undefined });
      const classic = path.join(project.root, 'amplify', 'backend', 'storage', 'old');
      fs.mkdirSync(classic, { recursive: true });
      fs.writeFileSync(path.join(classic, 'parameters.json'), JSON.stringify({ tableName: 'oldT', partitionKeyName: 'pk', partitionKeyType: 'S', sortKeyName: 'sk', sortKeyType: 'N' }));
      expect(readCrudTable(project.root, 'old')).toEqual({ resourceName: 'old', tableName: 'oldT', partitionKey: { name: 'pk', type: 'string' }, sortKey: { name: 'sk', type: 'number' } });
      expect(() => readCrudTable(project.root, 'none')).toThrow(/Cannot read the keys of DynamoDB table none/);
    } finally {
      project.remove();
    }
  });
});

describe('functions written by the original CLI', () => {
  test('function-parameters.json without our fields: defaults, and the role name from the template', () => {
    const project = createTempProject({ function: { legacy: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
    try {
      const dir = path.join(project.root, 'amplify', 'backend', 'function', 'legacy');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'function-parameters.json'), JSON.stringify({ lambdaLayers: [] }));
      const roleName = { 'Fn::If': ['ShouldNotCreateEnvResources', 'shopLambdaRole1a2b3c4d', { 'Fn::Join': ['', ['shopLambdaRole1a2b3c4d', '-', { Ref: 'env' }]] }] };
      fs.writeFileSync(path.join(dir, 'legacy-cloudformation-template.json'), JSON.stringify({ Resources: { LambdaExecutionRole: { Properties: { RoleName: roleName } } } }));
      expect(readFunction(project.root, 'legacy').parameters).toEqual({
        template: 'hello-world',
        roleName: 'shopLambdaRole1a2b3c4d',
        permissions: {},
        environmentVariables: [],
        crudTable: undefined,
        // The original's own record of the function's layers is read as it is.
        lambdaLayers: [],
      });
      expect(() => readFunction(project.root, 'missing')).toThrow(/Function missing has no function-parameters.json/);
    } finally {
      project.remove();
    }
  });
});
