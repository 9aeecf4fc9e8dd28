import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AwsEnv } from './aws-env';

/** `~/.aws/credentials` and `~/.aws/config` as sections of key/value pairs (INI, as the AWS CLI writes them). */
export type IniSections = Record<string, Record<string, string>>;

export function credentialsFilePath(env: AwsEnv): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
}

export function configFilePath(env: AwsEnv): string {
  return env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
}

export function parseIni(text: string): IniSections {
  const sections: IniSections = {};
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = sections[header[1].trim()] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    // Continuation lines of nested settings (s3 = \n  addressing_style = ...) have no meaning for us.
    if (eq < 0 || !current) continue;
    current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim();
  }
  return sections;
}

/**
 * Sets keys of one section in INI text, leaving every other line (comments, other sections, nested settings)
 * as it was: these are the user's own files.
 */
export function setIniValues(text: string, section: string, values: Record<string, string>): string {
  const lines = text.length > 0 ? text.replace(/\r?\n$/, '').split(/\r?\n/) : [];
  const headerIndex = lines.findIndex((line) => line.trim() === `[${section}]`);
  const rendered = (key: string) => `${key} = ${values[key]}`;
  if (headerIndex < 0) {
    const block = [`[${section}]`, ...Object.keys(values).map(rendered)];
    return [...lines, ...(lines.length > 0 ? [''] : []), ...block].join('\n') + '\n';
  }
  let end = headerIndex + 1;
  while (end < lines.length && !/^\s*\[/.test(lines[end])) end++;
  const pending = new Set(Object.keys(values));
  for (let i = headerIndex + 1; i < end; i++) {
    const key = /^([^=#;\s][^=]*?)\s*=/.exec(lines[i])?.[1]?.trim().toLowerCase();
    if (key !== undefined && pending.has(key)) {
      lines[i] = rendered(key);
      pending.delete(key);
    }
  }
  // New keys go after the section's last non-blank line.
  let insertAt = end;
  while (insertAt > headerIndex + 1 && lines[insertAt - 1].trim() === '') insertAt--;
  lines.splice(insertAt, 0, ...[...pending].map(rendered));
  return lines.join('\n') + '\n';
}

function readText(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

function readIni(file: string): IniSections {
  return fs.existsSync(file) ? parseIni(fs.readFileSync(file, 'utf8')) : {};
}

/** The config file names sections `profile <name>` except `default`; the credentials file uses bare names. */
function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

/** Every profile named in either file (SSO and role profiles often exist only in the config file). */
export function listProfiles(env: AwsEnv): string[] {
  const names = new Set(Object.keys(readIni(credentialsFilePath(env))));
  for (const section of Object.keys(readIni(configFilePath(env)))) {
    if (section === 'default') names.add('default');
    else if (section.startsWith('profile ')) names.add(section.slice('profile '.length).trim());
  }
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

export function profileExists(profile: string, env: AwsEnv): boolean {
  return listProfiles(env).includes(profile);
}

export function profileRegion(profile: string, env: AwsEnv): string | undefined {
  return readIni(configFilePath(env))[configSectionName(profile)]?.region;
}

export interface ProfileKeys {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

function writePrivate(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.renameSync(temp, file);
  fs.chmodSync(file, 0o600);
}

/**
 * Creates or updates one profile in both files, keeping every other line as it was, with both
 * files readable by the owner only (they hold secrets, and the config may hold SSO start URLs).
 */
export function writeProfile(profile: string, keys: ProfileKeys, env: AwsEnv): void {
  const credentials = setIniValues(readText(credentialsFilePath(env)), profile, {
    aws_access_key_id: keys.accessKeyId,
    aws_secret_access_key: keys.secretAccessKey,
  });
  writePrivate(credentialsFilePath(env), credentials);
  writePrivate(configFilePath(env), setIniValues(readText(configFilePath(env)), configSectionName(profile), { region: keys.region }));
}
