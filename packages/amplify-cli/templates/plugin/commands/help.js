const manifest = require('../amplify-plugin.json');

/** `amplify <name> help`: the commands this plugin declares. */
async function run(context) {
  context.print.info(`Usage: amplify ${manifest.name} <command>\n`);
  context.print.table([['Command'], ...manifest.commands.map((command) => [command])], { format: 'markdown' });
}

module.exports = { name: 'help', run };
