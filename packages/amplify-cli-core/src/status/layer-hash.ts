import * as fs from 'fs';
import * as path from 'path';

/** Every file under `dir` (`node_modules` included), as paths relative to `root` with `/` separators. */
function filesUnder(root: string, relative: string): string[] {
  const dir = path.join(root, relative);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${relative}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(root, rel) : entry.isFile() ? [rel] : [];
  });
}

/**
 * A Lambda layer's version hash, by the original's rule: SHA-256 over the contents of `opt/**` and `lib/nodejs/**`
 * without `lib/nodejs/node_modules` (what npm installs follows from package.json and the lock file, both hashed), in
 * path order. A push records it as meta `latestPushedVersionHash`; a different hash is a new layer version. Status
 * uses it too, since the folder hash skips every `node_modules` (a layer may ship modules under `opt/nodejs/`).
 */
export function hashLayerVersion(resourceDir: string): string {
  const files = [...filesUnder(resourceDir, 'opt'), ...filesUnder(resourceDir, 'lib/nodejs').filter((file) => !file.startsWith('lib/nodejs/node_modules/'))].sort();
  const hash = (require('crypto') as typeof import('crypto')).createHash('sha256');
  for (const file of files) hash.update(fs.readFileSync(path.join(resourceDir, file)));
  return hash.digest('hex');
}
