import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { createPrompter, type Prompter } from '../../prompts/prompter';
import { copyBatch } from '../copy-batch';

describe('copyBatch', () => {
  afterEach(cleanupTempDirs);

  function templates(): string {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'template.json.ejs'), '{"name": "<%= props.resourceName %>"<% if (props.ttl) { %>, "ttl": <%= props.ttl %><% } %>}');
    fs.writeFileSync(path.join(dir, 'header.ejs'), '// <%= props.resourceName %>');
    fs.writeFileSync(path.join(dir, 'main.js.ejs'), "<%- include('header.ejs') %>\nmodule.exports = 1;");
    return dir;
  }

  it('renders templates with props (includes too) into new folders and records the props', async () => {
    const dir = templates();
    const out = makeTempDir();
    const props = { props: { resourceName: 'fn1', ttl: 30 } };
    const written = await copyBatch(
      [
        { dir, template: 'template.json.ejs', target: path.join(out, 'fn1', 'template.json'), paramsFile: path.join(out, 'fn1', 'parameters.json') },
        { dir, template: 'main.js.ejs', target: path.join(out, 'fn1', 'src', 'index.js') },
      ],
      props,
      { writeParams: true },
    );
    expect(written).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'fn1', 'template.json'), 'utf8'))).toEqual({ name: 'fn1', ttl: 30 });
    expect(fs.readFileSync(path.join(out, 'fn1', 'src', 'index.js'), 'utf8')).toBe('// fn1\nmodule.exports = 1;');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'fn1', 'parameters.json'), 'utf8'))).toEqual(props);
  });

  it('keeps an existing target unless forced or confirmed', async () => {
    const dir = templates();
    const target = path.join(makeTempDir(), 'template.json');
    fs.writeFileSync(target, 'mine');
    const job = [{ dir, template: 'template.json.ejs', target }];
    const props = { props: { resourceName: 'r' } };

    await expect(copyBatch(job, props, { prompter: createPrompter({ yes: true }) })).resolves.toEqual([]);
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');

    const yesToOverwrite: Prompter = { ...createPrompter({ yes: true }), confirm: async () => true };
    await expect(copyBatch(job, props, { prompter: yesToOverwrite })).resolves.toEqual([target]);
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toEqual({ name: 'r' });

    fs.writeFileSync(target, 'mine');
    await copyBatch(job, props, { force: true });
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toEqual({ name: 'r' });
  });
});
