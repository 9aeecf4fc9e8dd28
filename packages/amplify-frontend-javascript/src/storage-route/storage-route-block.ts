import { installLocalCloudStorageRoute, type LocalStorageRoute } from './local-storage-route';

const BEGIN = '// amplify local cloud: storage route begin (see the README of amplify-frontend-javascript)';
const END = '// amplify local cloud: storage route end';
// Line ends as an editor may have left them (CRLF on Windows).
const BLOCK = new RegExp(`^${escapeRegExp(BEGIN)}\\r?\\n[\\s\\S]*?^${escapeRegExp(END)}\\r?\\n`, 'm');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The statements aws-exports.js runs to install the route: the function's own source, called with the route. */
export function renderStorageRouteBlock(route: LocalStorageRoute): string {
  return `${BEGIN}\n(${installLocalCloudStorageRoute.toString()})(${JSON.stringify(route)});\n${END}\n`;
}

/** The text without the route block, so the rest can be read as data (the block is regenerated, never kept). */
export function withoutStorageRouteBlock(text: string): string {
  return text.replace(BLOCK, '');
}
