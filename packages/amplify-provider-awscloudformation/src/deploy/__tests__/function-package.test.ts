import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { packageFunction, pointTemplateAtCode } from '../function-package';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-function-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'index.js'), 'exports.handler = async () => "ok";');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('packageFunction', () => {
  it('zips src/ into dist/ under a name that changes only with the content', async () => {
    const first = await packageFunction(dir, 'hello', async () => undefined);
    expect(first.zipFileName).toMatch(/^hello-[0-9a-f]{20}-build\.zip$/);
    expect(Object.keys(unzipSync(first.zip))).toEqual(['index.js']);
    expect(fs.existsSync(path.join(dir, 'dist', first.zipFileName))).toBe(true);
    expect((await packageFunction(dir, 'hello', async () => undefined)).zipFileName).toBe(first.zipFileName);
    fs.writeFileSync(path.join(dir, 'src', 'index.js'), 'exports.handler = async () => "changed";');
    expect((await packageFunction(dir, 'hello', async () => undefined)).zipFileName).not.toBe(first.zipFileName);
  });

  it('installs dependencies only when package.json is newer than node_modules', async () => {
    const installs: string[] = [];
    const install = async (where: string) => {
      installs.push(where);
      fs.mkdirSync(path.join(where, 'node_modules'), { recursive: true });
    };
    fs.writeFileSync(path.join(dir, 'src', 'package.json'), '{"name":"hello","dependencies":{"uuid":"9.0.1"}}');
    await packageFunction(dir, 'hello', install);
    await packageFunction(dir, 'hello', install);
    expect(installs).toEqual([path.join(dir, 'src')]);
  });

  it('skips npm install for a function without dependencies', async () => {
    const installs: string[] = [];
    fs.writeFileSync(path.join(dir, 'src', 'package.json'), '{"name":"hello","devDependencies":{"jest":"30.5.2"}}');
    await packageFunction(dir, 'hello', async (where) => void installs.push(where));
    expect(installs).toEqual([]);
  });

  it('names the function and the fix when the install fails', async () => {
    fs.writeFileSync(path.join(dir, 'src', 'package.json'), '{"name":"hello","dependencies":{"left-pad":"9.9.9"}}');
    await expect(packageFunction(dir, 'hello', async () => Promise.reject(new Error('E404 left-pad')))).rejects.toMatchObject({
      code: 'FunctionBuildFailed',
      message: expect.stringContaining('hello: E404 left-pad'),
    });
  });
});

describe('pointTemplateAtCode', () => {
  it('points functions and layers at the uploaded zip', () => {
    const template = {
      Resources: {
        LambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Code: { ZipFile: 'x' } } },
        Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: {} },
        Role: { Type: 'AWS::IAM::Role', Properties: {} },
      },
    };
    expect(pointTemplateAtCode(template, 'bucket', 'amplify-builds/hello.zip')).toBe(2);
    expect(template.Resources.LambdaFunction.Properties.Code).toEqual({ S3Bucket: 'bucket', S3Key: 'amplify-builds/hello.zip' });
    expect(template.Resources.Layer.Properties).toEqual({ Content: { S3Bucket: 'bucket', S3Key: 'amplify-builds/hello.zip' } });
    expect(template.Resources.Role.Properties).toEqual({});
  });
});
