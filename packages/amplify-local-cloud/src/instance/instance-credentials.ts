import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';

/** The key pair of one local cloud; every request to it must be signed with this pair (or a temporary key it issued). */
export interface LocalCloudCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const CREDENTIALS_FILE = 'credentials.json';

const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function credentialsFile(dataDir: string): string {
  return path.join(dataDir, CREDENTIALS_FILE);
}

/**
 * The data directory's credentials, generated on first use. The file is created exclusively (a hard link of a
 * finished temp file, which fails if the name exists), so two servers starting at once agree on one pair and a
 * reader never sees a half-written file; it is readable by its owner only.
 */
export function ensureInstanceCredentials(dataDir: string): LocalCloudCredentials {
  const existing = readInstanceCredentials(dataDir);
  if (existing !== undefined) {
    return existing;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = credentialsFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(generateCredentials(), null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return readInstanceCredentials(dataDir) as LocalCloudCredentials;
}

/** The data directory's credentials, or `undefined` before the local cloud first started there. */
export function readInstanceCredentials(dataDir: string): LocalCloudCredentials | undefined {
  const file = credentialsFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  let value: Partial<LocalCloudCredentials> | undefined;
  try {
    value = JSON.parse(text) as Partial<LocalCloudCredentials>;
  } catch {
    value = undefined;
  }
  if (typeof value?.accessKeyId !== 'string' || !ACCESS_KEY_ID.test(value.accessKeyId) || typeof value.secretAccessKey !== 'string' || !SECRET_ACCESS_KEY.test(value.secretAccessKey)) {
    throw new AmplifyError('LocalCloudCredentialsInvalid', `${file} does not hold the local cloud's credentials (accessKeyId and secretAccessKey).`, {
      resolution: `Delete ${file}; the next start of the local cloud generates a new key pair.`,
    });
  }
  return { accessKeyId: value.accessKeyId, secretAccessKey: value.secretAccessKey };
}

function generateCredentials(): LocalCloudCredentials {
  return { accessKeyId: newAccessKeyId('AKIA'), secretAccessKey: newSecretAccessKey() };
}

/** AWS-shaped: the prefix (`AKIA` long-term, `ASIA` temporary) and 16 upper-case alphanumerics. */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  let accessKeyId = prefix;
  while (accessKeyId.length < 20) {
    for (const byte of crypto.randomBytes(32)) {
      // 252 is the largest multiple of 36 below 256: rejecting the rest keeps every character equally likely.
      if (byte < 252 && accessKeyId.length < 20) {
        accessKeyId += ALPHANUMERIC[byte % 36];
      }
    }
  }
  return accessKeyId;
}

/** 40 base64 characters, as AWS secret keys are. */
export function newSecretAccessKey(): string {
  return crypto.randomBytes(30).toString('base64');
}
