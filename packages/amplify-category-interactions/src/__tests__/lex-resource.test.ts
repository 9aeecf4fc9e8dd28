import { cleanupTempDirs, createFixtureProject, readProjectFile } from 'amplify-test-support';
import { saveLexResource } from '../service/lex-resource';
import { sampleBot } from '../service/walkthrough';

afterAll(() => cleanupTempDirs());

const functions = { function: { orderFn: { service: 'Lambda', providerPlugin: 'awscloudformation' } } };
const project = (): string => createFixtureProject({ meta: { providers: { awscloudformation: { Region: 'us-east-1' } }, ...functions }, backendConfig: functions, localEnvInfo: { envName: 'dev' }, teamProviderInfo: { dev: {} } });

describe('Lex resources', () => {
  it('writes lex-params.json, parameters.json, <name>-cloudformation-template.json and a Lex meta entry', async () => {
    const root = project();
    await saveLexResource(root, sampleBot('OrderFlowers', { resourceName: 'flowers', shortId: 'ab12cd34', projectName: 'shop', coppa: false }), 'add');
    expect(readProjectFile(root, 'amplify/backend/interactions/flowers/lex-params.json')).toMatchObject({ resourceName: 'flowers', botName: 'OrderFlowers', intents: [{ intentName: 'OrderFlowers' }] });
    expect(readProjectFile(root, 'amplify/backend/interactions/flowers/parameters.json')).toEqual({ authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] }, authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' } });
    expect(readProjectFile(root, 'amplify/backend/interactions/flowers/flowers-cloudformation-template.json')).toHaveProperty('Resources.Bot.Type', 'AWS::Lex::Bot');
    expect(readProjectFile(root, 'amplify/backend/amplify-meta.json')).toMatchObject({ interactions: { flowers: { service: 'Lex', providerPlugin: 'awscloudformation', dependsOn: [] } } });
    const twin = sampleBot('OrderFlowers', { resourceName: 'flowers2', shortId: 'cd34ef56', projectName: 'shop', coppa: false });
    await expect(saveLexResource(root, twin, 'add')).rejects.toThrow('The bot flowers of this project is already named OrderFlowers');
  });

  it('an intent fulfilled by a project function makes the bot depend on its Arn; an unknown function is refused', async () => {
    const root = project();
    const params = sampleBot('OrderFlowers', { resourceName: 'flowers', shortId: 'x', projectName: 'shop', coppa: false });
    params.intents[0].lambda = { lambdaName: 'orderFn' };
    await saveLexResource(root, params, 'add');
    expect(readProjectFile(root, 'amplify/backend/amplify-meta.json')).toMatchObject({ interactions: { flowers: { dependsOn: [{ category: 'function', resourceName: 'orderFn', attributes: ['Arn'] }] } } });
    params.intents[0].lambda = { lambdaName: 'missingFn' };
    await expect(saveLexResource(root, params, 'update')).rejects.toThrow('missingFn is not a function of this project');
  });
});
