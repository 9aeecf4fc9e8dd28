import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { zipDirectory } from '../env/zip-directory';

export interface PackagedFunction {
  zipFileName: string;
  zip: Uint8Array;
}

/** Runs `npm install` in a folder; a seam so tests need neither npm nor the network. */
export type DependencyInstaller = (dir: string) => Promise<void>;

// child_process and crypto are loaded on use: every provider command loads this module, only packaging needs them.
export const npmInstall: DependencyInstaller = async (dir) => {
  const { spawn } = await import('child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund', '--omit=dev'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim().split('\n').slice(-3).join(' ') || `npm exited with ${code}`))));
  });
};

/** Whether `npm install` must run: the function declares dependencies and node_modules is missing or older. */
export function dependenciesStale(srcDir: string): boolean {
  const manifest = path.join(srcDir, 'package.json');
  if (!fs.existsSync(manifest)) return false;
  if (!declaresDependencies(manifest)) return false;
  const modules = path.join(srcDir, 'node_modules');
  if (!fs.existsSync(modules)) return true;
  return fs.statSync(manifest).mtimeMs > fs.statSync(modules).mtimeMs;
}

function declaresDependencies(manifestPath: string): boolean {
  let manifest: { dependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    // Let npm report a broken package.json in its own words.
    return true;
  }
  return Object.keys(manifest.dependencies ?? {}).length > 0;
}

/**
 * Builds and zips a function's `src/` into `dist/<name>-<hash>-build.zip`. The name carries the content hash,
 * so unchanged code keeps its S3 key and is not uploaded (or redeployed) again.
 */
export async function packageFunction(resourceDir: string, resourceName: string, install: DependencyInstaller = npmInstall): Promise<PackagedFunction> {
  const srcDir = path.join(resourceDir, 'src');
  if (!fs.existsSync(srcDir)) {
    throw new AmplifyError('FunctionSourceMissing', `${srcDir} does not exist, so function ${resourceName} cannot be packaged.`, {
      resolution: `Restore the function's src/ folder or remove the function with "amplify function remove ${resourceName}".`,
    });
  }
  if (dependenciesStale(srcDir)) {
    try {
      await install(srcDir);
    } catch (cause) {
      throw new AmplifyError('FunctionBuildFailed', `npm install failed for function ${resourceName}: ${(cause as Error).message}`, {
        resolution: `Fix ${path.join(srcDir, 'package.json')} so that "npm install" succeeds there, then push again.`,
        cause,
      });
    }
  }
  const zip = zipDirectory(srcDir);
  const { createHash } = await import('crypto');
  const hash = createHash('sha256').update(zip).digest('hex').slice(0, 20);
  const zipFileName = `${resourceName}-${hash}-build.zip`;
  const distDir = path.join(resourceDir, 'dist');
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, zipFileName), zip);
  return { zipFileName, zip };
}

type TemplateResources = Record<string, { Type?: string; Properties?: Record<string, unknown> }>;

/** Points every function (and layer) of a template at the uploaded zip; returns how many were rewritten. */
export function pointTemplateAtCode(template: Record<string, unknown>, bucket: string, key: string): number {
  const resources = (template.Resources ?? {}) as TemplateResources;
  let rewritten = 0;
  for (const resource of Object.values(resources)) {
    const properties = (resource.Properties ??= {});
    switch (resource.Type) {
      case 'AWS::Lambda::Function':
        properties.Code = { S3Bucket: bucket, S3Key: key };
        rewritten++;
        break;
      case 'AWS::Serverless::Function':
        properties.CodeUri = { Bucket: bucket, Key: key };
        rewritten++;
        break;
      case 'AWS::Lambda::LayerVersion':
        properties.Content = { S3Bucket: bucket, S3Key: key };
        rewritten++;
        break;
    }
  }
  return rewritten;
}
