import * as fs from 'fs';
import * as path from 'path';
import { createTempProject, writeTableInputs } from '../../__tests__/temp-project';
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
