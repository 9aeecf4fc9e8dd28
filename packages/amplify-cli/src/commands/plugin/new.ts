import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, CORE_COMMAND_NAMES, PLUGIN_EVENTS, PluginEventName, PluginManifest, renderTemplateFile, UserAbort } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';

type ScaffoldType = 'util' | 'category' | 'provider' | 'frontend';

const PACKAGE_PREFIX: Record<ScaffoldType, string> = {
  util: 'amplify-',
  category: 'amplify-category-',
  provider: 'amplify-provider-',
  frontend: 'amplify-frontend-',
};

const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

function validateName(name: string): true | string {
  if (!NAME_PATTERN.test(name)) {
    return 'Use lower-case letters, digits and dashes, starting with a letter';
  }
  if (name === 'core' || CORE_COMMAND_NAMES.includes(name)) {
    return `"${name}" is a core command; pick another name`;
  }
  return true;
}

/**
 * `amplify plugin new [name]` (alias `init`): scaffolds a working plugin package in `./<name>`. With `--yes`
 * it makes a util plugin handling every event. Answers can also come from `--type` and `--events a,b`.
 * The package is named `amplify-<name>` (with the type's prefix), so that discovery classifies it as chosen.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { environment, printer } = context.session;
  const { prompter } = context.amplify;
  const options = context.input.options ?? {};
  const given = context.input.subCommands?.[1];
  const name = given ?? (await prompter.input({ message: 'What should be the name of the plugin?', default: 'my-amplify-plugin', validate: validateName, flag: 'a name argument' }));
  const nameCheck = validateName(name);
  if (nameCheck !== true) {
    throw new AmplifyError('InvalidPluginName', `"${name}" cannot name a plugin: ${nameCheck}`, { resolution: 'Run "amplify plugin new <name>" with another name' });
  }
  const type = typeof options.type === 'string' ? parseType(options.type) : await prompter.pick<ScaffoldType>({
    message: 'Specify the plugin type',
    choices: ['util', 'category', 'provider', 'frontend'],
    default: 'util',
    flag: '--type',
  });
  const events = typeof options.events === 'string' ? parseEvents(options.events) : await prompter.pick<PluginEventName>({
    message: 'What Amplify CLI events do you want the plugin to handle?',
    choices: [...PLUGIN_EVENTS],
    multiSelect: true,
    default: [...PLUGIN_EVENTS],
    flag: '--events',
  });
  const target = path.resolve(environment.cwd, name);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    const overwrite = options.force === true || (await prompter.confirm({ message: `./${name} already exists. Overwrite its files?`, default: false, flag: '--force' }));
    if (!overwrite) {
      throw new UserAbort(`./${name} exists; nothing was written`, { resolution: 'Pass --force to overwrite it, or choose another name' });
    }
  }
  const packageName = `${PACKAGE_PREFIX[type]}${name}`;
  writeScaffold(path.join(environment.cliPackageDir, 'templates', 'plugin'), target, { name, type, packageName, events });
  printer.success(`✔ Created the ${type} plugin "${name}" (package ${packageName}) in ./${name}`);
  printer.info(`Next steps:
  cd ${name}
  amplify plugin verify          # check the package
  npm install -g .               # or: amplify plugin add ${target}
  amplify ${name} help`);
};

function parseType(value: string): ScaffoldType {
  if (value === 'util' || value === 'category' || value === 'provider' || value === 'frontend') {
    return value;
  }
  throw new AmplifyError('InvalidPluginType', `--type ${value} is not a plugin type`, { resolution: 'Pass --type util, category, provider or frontend' });
}

function parseEvents(value: string): PluginEventName[] {
  const events = value.split(',').map((event) => event.trim()).filter((event) => event !== '');
  const unknown = events.filter((event) => !(PLUGIN_EVENTS as readonly string[]).includes(event));
  if (unknown.length > 0) {
    throw new AmplifyError('InvalidPluginEvent', `Unknown event(s) ${unknown.join(', ')}`, { resolution: `Pass --events with some of ${PLUGIN_EVENTS.join(',')}` });
  }
  return events as PluginEventName[];
}

interface ScaffoldProps {
  name: string;
  type: ScaffoldType;
  packageName: string;
  events: PluginEventName[];
}

/** Renders `templates/plugin`: `.ejs` files through ejs, the others copied; one handler file per chosen event. */
function writeScaffold(templateDir: string, target: string, props: ScaffoldProps): void {
  const write = (relative: string, content: string): void => {
    const file = path.join(target, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const render = (relative: string, data: object): string => renderTemplateFile(path.join(templateDir, relative), data);
  write('package.json', render('package.json.ejs', props));
  write('index.js', render('index.js.ejs', props));
  for (const command of ['help.js', 'version.js']) {
    write(path.join('commands', command), fs.readFileSync(path.join(templateDir, 'commands', command), 'utf8'));
  }
  for (const event of props.events) {
    write(path.join('event-handlers', `handle-${event}.js`), render(path.join('event-handlers', 'handle-event.js.ejs'), { ...props, event }));
  }
  const manifest: PluginManifest = { name: props.name, type: props.type, commands: ['help', 'version'], eventHandlers: props.events };
  write('amplify-plugin.json', `${JSON.stringify(manifest, null, 2)}\n`);
}
