import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dependenciesMissing, invokeFunction, readEvent } from '../invoke-function';

describe('invokeFunction (local, in a child process)', () => {
  let srcDir: string;
  const write = (file: string, text: string): void => fs.writeFileSync(path.join(srcDir, file), text);
  const invoke = (handler = 'index.handler', timeoutMs = 5000) =>
    invokeFunction({ functionName: 'fn', srcDir, event: { n: 2 }, handler, environment: { GREETING: 'hi' }, timeoutMs });

  beforeEach(() => {
    srcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-invoke-test-'));
  });
  afterEach(() => fs.rmSync(srcDir, { recursive: true, force: true }));

  test('an async handler: its value, with the event and the environment', async () => {
    write('index.js', 'exports.handler = async (event) => ({ doubled: event.n * 2, greeting: process.env.GREETING });');
    await expect(invoke()).resolves.toEqual({ ok: true, result: { doubled: 4, greeting: 'hi' } });
  });

  test('a callback handler, and a handler file other than index', async () => {
    write('other.js', 'exports.run = (event, context, callback) => callback(null, context.functionName + ":" + event.n);');
    await expect(invoke('other.run')).resolves.toEqual({ ok: true, result: 'fn:2' });
  });

  test('a handler that throws: the error name and message', async () => {
    write('index.js', "exports.handler = async () => { throw new RangeError('too big'); };");
    await expect(invoke()).resolves.toMatchObject({ ok: false, error: { name: 'RangeError', message: 'too big' } });
  });

  test('a handler that passes an error to its callback', async () => {
    write('index.js', "exports.handler = (event, context, callback) => callback(new Error('nope'));");
    await expect(invoke()).resolves.toMatchObject({ ok: false, error: { message: 'nope' } });
  });

  test('a missing export is a failure naming it', async () => {
    write('index.js', 'exports.main = async () => 1;');
    await expect(invoke()).resolves.toMatchObject({ ok: false, error: { message: expect.stringContaining('does not export a function named handler') } });
  });

  test('a handler that never finishes is stopped at the timeout', async () => {
    write('index.js', 'exports.handler = () => new Promise(() => setInterval(() => {}, 1000));');
    await expect(invoke('index.handler', 300)).rejects.toThrow('Function fn did not finish within 0.3 s');
  });
});

describe('a missing handler file', () => {
  test('is named before any process starts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-handler-test-'));
    try {
      await expect(invokeFunction({ functionName: 'fn', srcDir: dir, event: {}, environment: {}, timeoutMs: 1000 })).rejects.toThrow(
        /^The handler file .*index\.js of function fn does not exist$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readEvent', () => {
  test('missing or invalid files are errors naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-event-test-'));
    try {
      expect(() => readEvent(path.join(dir, 'none.json'))).toThrow(`The --event file ${path.join(dir, 'none.json')} does not exist`);
      fs.writeFileSync(path.join(dir, 'bad.json'), '{');
      expect(() => readEvent(path.join(dir, 'bad.json'))).toThrow(/is not valid JSON/);
      fs.writeFileSync(path.join(dir, 'good.json'), '{"a":1}');
      expect(readEvent(path.join(dir, 'good.json'))).toEqual({ a: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dependenciesMissing', () => {
  test('only when package.json declares dependencies and node_modules is absent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-deps-test-'));
    try {
      expect(dependenciesMissing(dir)).toBe(false);
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
      expect(dependenciesMissing(dir)).toBe(false);
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', dependencies: { express: '4.21.2' } }));
      expect(dependenciesMissing(dir)).toBe(true);
      fs.mkdirSync(path.join(dir, 'node_modules'));
      expect(dependenciesMissing(dir)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
