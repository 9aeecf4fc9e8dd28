import { defaultCodegenProject, type AppFrontend } from './codegen-defaults';
import { readCodegenProjects, saveCodegenProject, type CodegenProject } from './graphql-config';

/**
 * The project's codegen entry for its API: the configured one, or a new one with the frontend's defaults (without
 * region, apiId or maxDepth, as the original's push writes it). None for Flutter, which has no statements.
 */
export function ensureCodegenProject(projectRoot: string, app: AppFrontend, apiName: string): CodegenProject | undefined {
  if (app.frontend === 'flutter') return undefined;
  const existing = readCodegenProjects(projectRoot);
  const found = existing.find((project) => project.projectName === apiName) ?? existing[0];
  if (found) return found;
  const project = defaultCodegenProject(apiName, app);
  saveCodegenProject(projectRoot, project);
  return project;
}
