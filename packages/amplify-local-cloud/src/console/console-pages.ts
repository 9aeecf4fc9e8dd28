import * as crypto from 'crypto';
import type { ServiceRequest, ServiceResponse } from '../contracts';
import type { ResourceRecord, StackRecord } from '../cloudformation/stack-store';

/**
 * `amplify console` on the local cloud: the provider asks (signed with the instance key, credential-scope service
 * `CONSOLE_SERVICE`) `GET CONSOLE_PATH?stack=<root stack>` for a link, and opens `<endpoint>CONSOLE_PATH/<token>`.
 * The page shows the developer's data, so the link works once and for a few minutes only.
 */
export const CONSOLE_SERVICE = 'local-console';
export const CONSOLE_PATH = '/_local-cloud/console';
const TOKEN_TTL_MS = 5 * 60 * 1000;

/** The stacks the page reads (the CloudFormation engine's store). */
export interface ConsoleStackSource {
  findStack(nameOrId: string): StackRecord | undefined;
  allStacks(): StackRecord[];
  resources(stackId: string): ResourceRecord[];
}

export interface ConsolePagesOptions {
  stacks: ConsoleStackSource;
  /** Whether the key signing a link request is the instance's own. */
  isInstanceKey(accessKeyId: string): boolean;
  now?: () => number;
}

export interface ConsolePages {
  /** The signed request for a link. */
  issueLink(request: ServiceRequest): Promise<ServiceResponse>;
  /** The page a link opens (public path: the token is the authentication). */
  servePage(request: { method: string; path: string }): ServiceResponse;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function createConsolePages(options: ConsolePagesOptions): ConsolePages {
  const now = options.now ?? Date.now;
  const links = new Map<string, { stackName: string; expires: number }>();

  function forgetExpired(): void {
    for (const [token, link] of links) if (link.expires <= now()) links.delete(token);
  }

  return {
    async issueLink(request) {
      if (!options.isInstanceKey(request.accessKeyId)) {
        return { status: 403, headers: JSON_HEADERS, body: JSON.stringify({ message: 'Only the local cloud instance key may open the console.' }) };
      }
      const stackName = request.query.get('stack') ?? '';
      if (request.method !== 'GET' || request.path !== CONSOLE_PATH || stackName === '') {
        return { status: 400, headers: JSON_HEADERS, body: JSON.stringify({ message: `Ask GET ${CONSOLE_PATH}?stack=<root stack name>.` }) };
      }
      if (options.stacks.findStack(stackName) === undefined) {
        return { status: 404, headers: JSON_HEADERS, body: JSON.stringify({ message: `No stack named ${stackName} exists in this local cloud.` }) };
      }
      forgetExpired();
      const token = crypto.randomBytes(24).toString('hex');
      links.set(token, { stackName, expires: now() + TOKEN_TTL_MS });
      return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ path: `${CONSOLE_PATH}/${token}` }) };
    },

    servePage(request) {
      const token = request.path.slice(CONSOLE_PATH.length + 1);
      forgetExpired();
      const link = request.method === 'GET' ? links.get(token) : undefined;
      if (link === undefined) {
        return page(403, 'Link expired', '<p>This console link was used already or has expired. Run <code>amplify console</code> again for a new one.</p>');
      }
      links.delete(token);
      const root = options.stacks.findStack(link.stackName);
      if (root === undefined) return page(404, 'Stack deleted', `<p>The stack ${escapeHtml(link.stackName)} no longer exists.</p>`);
      const nested = options.stacks.allStacks().filter((stack) => stack.rootId === root.stackId && stack.status !== 'DELETE_COMPLETE');
      return page(200, `${root.stackName} — local cloud`, [root, ...nested.reverse()].map((stack) => renderStack(stack, options.stacks.resources(stack.stackId))).join('\n'));
    },
  };
}

function renderStack(stack: StackRecord, resources: ResourceRecord[]): string {
  const resourceRows = resources.map((resource) => [resource.logicalId, resource.type, resource.physicalId ?? '', resource.status]);
  const outputRows = stack.outputs.map((output) => [output.key, output.value, output.description ?? '']);
  return [
    `<section><h2>${escapeHtml(stack.stackName)}</h2>`,
    `<p class="status">${escapeHtml(stack.status)}${stack.statusReason ? ` — ${escapeHtml(stack.statusReason)}` : ''}</p>`,
    '<h3>Resources</h3>',
    table(['Logical ID', 'Type', 'Physical ID', 'Status'], resourceRows),
    '<h3>Outputs</h3>',
    table(['Key', 'Value', 'Description'], outputRows),
    '</section>',
  ].join('\n');
}

function table(headings: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="empty">None</p>';
  const head = `<tr>${headings.map((heading) => `<th>${heading}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

function page(status: number, title: string, content: string): ServiceResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;font-size:.9rem}th{background:#f3f3f3}.status{color:#555}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${content}
</body></html>
`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    },
    body: html,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
