import { CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud();

const template = (website: boolean) =>
  JSON.stringify({
    Resources: {
      Site: {
        Type: 'AWS::S3::Bucket',
        Properties: website ? { WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'error.html' } } : {},
      },
    },
    Outputs: {
      Url: { Value: { 'Fn::GetAtt': ['Site', 'WebsiteURL'] } },
      Bucket: { Value: { Ref: 'Site' } },
      Domain: { Value: { 'Fn::GetAtt': ['Site', 'DomainName'] } },
      Regional: { Value: { 'Fn::GetAtt': ['Site', 'RegionalDomainName'] } },
      DualStack: { Value: { 'Fn::GetAtt': ['Site', 'DualStackDomainName'] } },
    },
  });

test('a bucket with WebsiteConfiguration serves its objects at its WebsiteURL, index and error documents honoured', async () => {
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'site', TemplateBody: template(true) }));
  const stack = await cloud.waitForStack('site');
  expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
  expect(outputs.Domain).toBe(`${outputs.Bucket}.s3.amazonaws.com`);
  expect(outputs.Regional).toBe(`${outputs.Bucket}.s3.us-east-1.amazonaws.com`);
  expect(outputs.DualStack).toBe(`${outputs.Bucket}.s3.dualstack.us-east-1.amazonaws.com`);
  expect(outputs.Url.startsWith(cloud.endpoint)).toBe(true);
  await cloud.s3.send(new PutObjectCommand({ Bucket: outputs.Bucket, Key: 'index.html', Body: '<h1>home</h1>', ContentType: 'text/html' }));
  await cloud.s3.send(new PutObjectCommand({ Bucket: outputs.Bucket, Key: 'error.html', Body: '<h1>lost</h1>', ContentType: 'text/html' }));

  const home = await fetch(`${outputs.Url}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toBe('<h1>home</h1>');
  const missing = await fetch(`${outputs.Url}/nowhere.html`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toBe('<h1>lost</h1>');

  // Removing the configuration in an update (in place) turns the website off.
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'site', TemplateBody: template(false) }));
  expect((await cloud.waitForStack('site')).StackStatus).toBe('UPDATE_COMPLETE');
  expect((await fetch(`${outputs.Url}/`)).status).toBe(404);
});

test("a bucket's CorsConfiguration answers browsers' preflights, and an update without it removes it", async () => {
  const withCors = (cors: boolean) =>
    JSON.stringify({
      Resources: {
        Files: {
          Type: 'AWS::S3::Bucket',
          Properties: cors ? { CorsConfiguration: { CorsRules: [{ Id: 'app', AllowedHeaders: ['*'], AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['*'], ExposedHeaders: ['ETag'], MaxAge: 3000 }] } } : {},
        },
      },
      Outputs: { Bucket: { Value: { Ref: 'Files' } } },
    });
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'files', TemplateBody: withCors(true) }));
  const stack = await cloud.waitForStack('files');
  const bucket = stack.Outputs!.find((output) => output.OutputKey === 'Bucket')!.OutputValue!;
  const preflight = () =>
    fetch(`${cloud.endpoint}/${bucket}/public/a.txt`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' } });
  const allowed = await preflight();
  expect([allowed.status, allowed.headers.get('access-control-allow-origin'), allowed.headers.get('access-control-max-age')]).toEqual([200, '*', '3000']);
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'files', TemplateBody: withCors(false) }));
  expect((await cloud.waitForStack('files')).StackStatus).toBe('UPDATE_COMPLETE');
  expect((await preflight()).status).toBe(403);
});
