import { isOptionWord, readOption } from '../command-line';

describe('command-line options', () => {
  it('knows option words', () => {
    expect(isOptionWord('--yes')).toBe(true);
    expect(isOptionWord('-y')).toBe(true);
    expect(isOptionWord('-')).toBe(false);
    expect(isOptionWord('push')).toBe(false);
  });

  it('reads --x=value, --x value and a lone --x, one dash like two', () => {
    expect(readOption(['--port=5000'], 0)).toEqual({ name: 'port', value: '5000', next: 1 });
    expect(readOption(['--port', '5000', 'x'], 0)).toEqual({ name: 'port', value: '5000', next: 2 });
    expect(readOption(['--yes', '--force'], 0)).toEqual({ name: 'yes', value: true, next: 1 });
    expect(readOption(['-y'], 0)).toEqual({ name: 'y', value: true, next: 1 });
  });

  it('takes a negative number as the value, so that it can be refused by name', () => {
    expect(readOption(['--timeout', '-5'], 0)).toEqual({ name: 'timeout', value: '-5', next: 2 });
    expect(readOption(['--port', '-1', '--yes'], 0)).toEqual({ name: 'port', value: '-1', next: 2 });
    expect(readOption(['--yes', '-y'], 0)).toEqual({ name: 'yes', value: true, next: 1 });
  });

  it('never gives a flag the following word', () => {
    expect(readOption(['--detach', 'start'], 0, new Set(['detach']))).toEqual({ name: 'detach', value: true, next: 1 });
  });
});
