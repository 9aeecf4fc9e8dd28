/*
 * Kept apart from the command registry (index.ts) so that the help view can read it without importing the
 * registry, whose lazy imports include the help command itself.
 */

/** One line per core command for `amplify help` (the original's wording, paraphrased). */
export const CORE_COMMAND_HELP: Record<string, string> = {
  init: 'Initializes a new project, sets up deployment resources in the cloud, and makes it ready for amplify.',
  configure: 'Configures the attributes of your project for amplify-cli, such as its frontend and provider.',
  push: 'Provisions cloud resources with the latest local developments.',
  pull: 'Fetches upstream backend environment definition changes from the cloud.',
  publish: 'Executes amplify push, and then builds and publishes the frontend to the hosting service.',
  run: 'Runs the frontend locally.',
  status: 'Shows the state of local resources not yet pushed to the cloud (Create/Update/Delete).',
  delete: 'Deletes all of the resources tied to the project from the cloud.',
  env: 'Manages backend environments: add, checkout, list, get, pull, import, remove.',
  console: 'Opens the web console for the selected cloud resource.',
  plugin: 'Manages plugins: list, scan, add, remove, verify, new.',
  help: 'Displays this help.',
  version: 'Prints the version of amplify (also -v, --version).',
};
