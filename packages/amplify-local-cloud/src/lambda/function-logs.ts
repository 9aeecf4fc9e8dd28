import * as fs from 'fs';
import { resolveInside } from '../store/confined-path';

/** A function's log file is cut back to its newer half when it grows beyond this. */
const MAX_LOG_FILE_BYTES = 2 * 1024 * 1024;

/** The functions' logs (CloudWatch's `/aws/lambda/<name>` group), one file per function under the data directory. */
export class FunctionLogs {
  constructor(private readonly directory: string) {}

  append(functionName: string, text: string): void {
    const file = this.file(functionName);
    fs.mkdirSync(this.directory, { recursive: true });
    fs.appendFileSync(file, text);
    const size = fs.statSync(file).size;
    if (size > MAX_LOG_FILE_BYTES) {
      const kept = readTail(file, MAX_LOG_FILE_BYTES / 2);
      fs.writeFileSync(file, kept.slice(kept.indexOf('\n') + 1));
    }
  }

  /** The file of the function's log. */
  file(functionName: string): string {
    return resolveInside(this.directory, `${functionName}.log`);
  }
}

function readTail(file: string, maxBytes: number): string {
  const size = fs.statSync(file).size;
  const length = Math.min(size, maxBytes);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, length, size - length);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.toString('utf8');
}
