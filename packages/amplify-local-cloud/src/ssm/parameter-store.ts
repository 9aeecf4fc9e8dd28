import type { Database } from 'better-sqlite3';
import type { ServiceHandler, ServiceResponse } from '../contracts';

const TARGET_PREFIX = 'AmazonSSM.';
const TYPES = new Set(['String', 'StringList', 'SecureString']);
const MAX_NAMES = 10;
const MAX_PATH_RESULTS = 10;

interface ParameterRow {
  name: string;
  type: string;
  value: string;
  version: number;
  modified: number;
  description: string | null;
}

class SsmError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Systems Manager Parameter Store (JSON 1.1, `X-Amz-Target: AmazonSSM.<Op>`, signing name `ssm`), kept in the local
 * cloud's database: PutParameter, GetParameter, GetParameters, GetParametersByPath, DeleteParameter and
 * DeleteParameters, which the original CLI uses for environment parameters and function secrets. Nothing is
 * encrypted here: a SecureString read without decryption answers its value base64-encoded, as an opaque stand-in
 * for the ciphertext.
 */
export function createParameterStoreHandler(db: Database, accountId: string): ServiceHandler {
  db.exec(`CREATE TABLE IF NOT EXISTS ssm_parameters (
    name TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    version INTEGER NOT NULL,
    modified REAL NOT NULL,
    description TEXT
  )`);
  const find = (name: string) => db.prepare('SELECT * FROM ssm_parameters WHERE name = ?').get(name) as ParameterRow | undefined;

  const describe = (row: ParameterRow, region: string, withDecryption: boolean) => ({
    Name: row.name,
    Type: row.type,
    Value: row.type === 'SecureString' && !withDecryption ? Buffer.from(row.value, 'utf8').toString('base64') : row.value,
    Version: row.version,
    LastModifiedDate: row.modified,
    ARN: `arn:aws:ssm:${region}:${accountId}:parameter${row.name.startsWith('/') ? '' : '/'}${row.name}`,
    DataType: 'text',
  });

  const operations: Record<string, (input: Record<string, unknown>, region: string) => Record<string, unknown>> = {
    PutParameter(input) {
      const name = requiredName(input.Name);
      const value = input.Value;
      if (typeof value !== 'string' || value.length === 0) throw new SsmError('ValidationException', 'Value is required and must be a non-empty string.');
      const existing = find(name);
      const type = input.Type === undefined ? existing?.type : String(input.Type);
      if (type === undefined) throw new SsmError('ValidationException', 'A parameter type is required when you create a parameter.');
      if (!TYPES.has(type)) throw new SsmError('ValidationException', `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]`);
      if (existing !== undefined && input.Overwrite !== true) {
        throw new SsmError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
      }
      const version = (existing?.version ?? 0) + 1;
      const description = typeof input.Description === 'string' ? input.Description : (existing?.description ?? null);
      db.prepare('INSERT OR REPLACE INTO ssm_parameters (name, type, value, version, modified, description) VALUES (?, ?, ?, ?, ?, ?)').run(name, type, value, version, Date.now() / 1000, description);
      return { Version: version, Tier: 'Standard' };
    },
    GetParameter(input, region) {
      const name = requiredName(input.Name);
      const row = find(name);
      if (row === undefined) throw new SsmError('ParameterNotFound', `Parameter ${name} not found.`);
      return { Parameter: describe(row, region, input.WithDecryption === true) };
    },
    GetParameters(input, region) {
      const names = requiredNames(input.Names);
      const rows = names.map((name) => ({ name, row: find(name) }));
      return {
        Parameters: rows.flatMap(({ row }) => (row === undefined ? [] : [describe(row, region, input.WithDecryption === true)])),
        InvalidParameters: rows.filter(({ row }) => row === undefined).map(({ name }) => name),
      };
    },
    GetParametersByPath(input, region) {
      const path = typeof input.Path === 'string' ? input.Path : '';
      if (!path.startsWith('/')) throw new SsmError('ValidationException', 'The parameter path must begin with a forward slash (/).');
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const maxResults = input.MaxResults === undefined ? MAX_PATH_RESULTS : Number(input.MaxResults);
      if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_PATH_RESULTS) {
        throw new SsmError('ValidationException', `1 validation error detected: Value '${String(input.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10`);
      }
      const after = typeof input.NextToken === 'string' && input.NextToken !== '' ? Buffer.from(input.NextToken, 'base64url').toString('utf8') : '';
      const rows = (db.prepare('SELECT * FROM ssm_parameters WHERE substr(name, 1, ?) = ? AND name > ? ORDER BY name').all(prefix.length, prefix, after) as ParameterRow[]).filter(
        (row) => input.Recursive === true || !row.name.slice(prefix.length).includes('/'),
      );
      const page = rows.slice(0, maxResults);
      return {
        Parameters: page.map((row) => describe(row, region, input.WithDecryption === true)),
        NextToken: rows.length > maxResults ? Buffer.from(page[page.length - 1].name, 'utf8').toString('base64url') : undefined,
      };
    },
    DeleteParameter(input) {
      const name = requiredName(input.Name);
      if (db.prepare('DELETE FROM ssm_parameters WHERE name = ?').run(name).changes === 0) throw new SsmError('ParameterNotFound', `Parameter ${name} not found.`);
      return {};
    },
    DeleteParameters(input) {
      const names = requiredNames(input.Names);
      const deleted = names.filter((name) => db.prepare('DELETE FROM ssm_parameters WHERE name = ?').run(name).changes > 0);
      return { DeletedParameters: deleted, InvalidParameters: names.filter((name) => !deleted.includes(name)) };
    },
  };

  return async (request) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
    if (request.method !== 'POST' || operation === undefined || !Object.hasOwn(operations, target.slice(TARGET_PREFIX.length))) {
      return error('UnknownOperationException', `The local cloud's Parameter Store answers ${Object.keys(operations).join(', ')}, not '${target}'.`);
    }
    try {
      const input = JSON.parse(request.body.length === 0 ? '{}' : request.body.toString('utf8')) as unknown;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SsmError('SerializationException', 'The request body must be a JSON object.');
      return result(operation(input as Record<string, unknown>, request.region));
    } catch (caught) {
      if (caught instanceof SsmError) return error(caught.code, caught.message);
      if (caught instanceof SyntaxError) return error('SerializationException', 'The request body is not valid JSON.');
      throw caught;
    }
  };
}

function requiredName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) throw new SsmError('ValidationException', 'Name is required: 1 to 2048 characters.');
  if (value.includes('/') && !value.startsWith('/')) throw new SsmError('ValidationException', 'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_');
  return value;
}

function requiredNames(value: unknown): string[] {
  if (!Array.isArray(value)) throw new SsmError('ValidationException', `Names is required: 1 to ${MAX_NAMES} parameter names.`);
  // AWS rejects an empty list too; the original's env remove sends one when no function has secrets, and ignores the error.
  if (value.length === 0) throw new SsmError('ValidationException', "1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1");
  if (value.length > MAX_NAMES) throw new SsmError('ValidationException', `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to ${MAX_NAMES}`);
  return value.map(requiredName);
}

function result(body: unknown): ServiceResponse {
  return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) };
}

function error(code: string, message: string): ServiceResponse {
  return { status: 400, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': code }, body: JSON.stringify({ __type: code, message }) };
}
