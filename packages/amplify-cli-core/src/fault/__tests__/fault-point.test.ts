import { spawn } from 'child_process';
import { faultPoint } from '../fault-point';

const saved = { point: process.env.AMPLIFY_FAULT_POINT, pid: process.env.AMPLIFY_FAULT_KILL_PID };

afterEach(() => {
  for (const [name, value] of [
    ['AMPLIFY_FAULT_POINT', saved.point],
    ['AMPLIFY_FAULT_KILL_PID', saved.pid],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('faultPoint', () => {
  test('does nothing when no point, or another point, is named', () => {
    delete process.env.AMPLIFY_FAULT_POINT;
    expect(() => faultPoint('push:after-lock')).not.toThrow();
    process.env.AMPLIFY_FAULT_POINT = 'push:after-journal';
    expect(() => faultPoint('push:after-lock')).not.toThrow();
  });

  test('at the named point, kills the process AMPLIFY_FAULT_KILL_PID names (the local cloud) with SIGKILL and goes on', async () => {
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => server.once('exit', (_code, signal) => resolve(signal)));
    process.env.AMPLIFY_FAULT_POINT = 'push:during-stack-wait';
    process.env.AMPLIFY_FAULT_KILL_PID = String(server.pid);
    faultPoint('push:during-stack-wait');
    expect(await exited).toBe('SIGKILL');
  });
});
