import type { CoreCommandContext } from '../../cli-session';

/**
 * `amplify plugin list [--json]`: never prompts. Lists the active plugins, the removed ones and the packages
 * that were skipped as broken, with the reason.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { registry, printer } = context.session;
  const { plugins, excluded, problems, userAddedLocations, lastScanTime } = registry.current;
  const active = Object.values(plugins).flat();
  const rows = (list: typeof active): Array<Record<string, string>> =>
    list.map((info) => ({
      name: info.manifest.name,
      type: info.manifest.type,
      package: info.packageName,
      version: info.packageVersion,
      location: info.packageLocation,
    }));
  if (context.input.options?.json === true) {
    const document = { plugins: rows(active), excluded: rows(Object.values(excluded).flat()), problems, userAddedLocations, lastScanTime };
    printer.info(JSON.stringify(document, null, 2));
    return;
  }
  const table = (list: typeof active): string[][] => [
    ['Name', 'Type', 'Package', 'Version', 'Location'],
    ...rows(list).map((row) => [row.name, row.type, row.package, row.version, row.location]),
  ];
  printer.info('Active plugins:\n');
  printer.table(table(active));
  const removed = Object.values(excluded).flat();
  if (removed.length > 0) {
    printer.info('\nRemoved plugins (re-enable with "amplify plugin add <name>"):\n');
    printer.table(table(removed));
  }
  if (problems.length > 0) {
    printer.info('\nSkipped packages:\n');
    printer.table([
      ['Package', 'Problem', 'Reason'],
      ...problems.map((problem) => [problem.packageName ?? problem.packageLocation, problem.code, problem.reason]),
    ]);
  }
};
