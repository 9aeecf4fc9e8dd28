import { EventEmitter } from 'events';
import { ignoreClosedPipe } from '../ignore-closed-pipe';

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe('ignoreClosedPipe', () => {
  it('swallows EPIPE, which an output stream without a listener would throw', () => {
    const unguarded = new EventEmitter();
    expect(() => unguarded.emit('error', errnoError('EPIPE'))).toThrow('write EPIPE');
    const guarded = new EventEmitter();
    ignoreClosedPipe(guarded);
    expect(() => guarded.emit('error', errnoError('EPIPE'))).not.toThrow();
  });

  it('lets any other stream error surface', () => {
    const stream = new EventEmitter();
    ignoreClosedPipe(stream);
    expect(() => stream.emit('error', errnoError('EIO'))).toThrow('write EIO');
  });
});
