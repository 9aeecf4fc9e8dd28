/**
 * Tags for the env's stacks from `backend/tags.json`, with the placeholders `{project-name}` and `{project-env}`
 * filled in; CloudFormation passes stack tags on to every resource that supports them. `undefined` when there
 * are none, so an untagged project sends no Tags at all.
 */
export function stackTags(tags: ReadonlyArray<{ Key: string; Value: string }>, projectName: string, envName: string): Array<{ Key: string; Value: string }> | undefined {
  if (tags.length === 0) return undefined;
  return tags.map((tag) => ({
    Key: tag.Key,
    Value: tag.Value.replace(/\{project-name\}/g, projectName).replace(/\{project-env\}/g, envName),
  }));
}
