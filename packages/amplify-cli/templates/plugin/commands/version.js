const { name, version } = require('../package.json');

/** `amplify <name> version`: this plugin's package version. */
async function run(context) {
  context.print.info(`${name} ${version}`);
}

module.exports = { name: 'version', run };
