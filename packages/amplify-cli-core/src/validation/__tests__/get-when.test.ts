import type { ProjectConfig } from '../../state/types';
import { getWhen } from '../get-when';

const config: ProjectConfig = { projectName: 'p', version: '3.0', frontend: 'javascript', providers: [], javascript: { framework: 'react' } };
const amplify = { getProjectConfig: () => config };

describe('getWhen', () => {
  it('asks unconditional questions', () => {
    expect(getWhen({ key: 'a' }, {})()).toBe(true);
  });

  it('andConditions need every condition; orConditions need one', () => {
    const q = { key: 'x', andConditions: [{ key: 'mode', operator: '=' as const, value: 'manual' }, { key: 'pool', operator: '!=' as const, value: 'none' }] };
    expect(getWhen(q, { mode: 'manual', pool: 'users' })()).toBe(true);
    expect(getWhen(q, { mode: 'manual', pool: 'none' })()).toBe(false);
    const o = { key: 'y', orConditions: [{ key: 'mode', operator: '=' as const, value: 'a' }, { key: 'mode', operator: '=' as const, value: 'b' }] };
    expect(getWhen(o, { mode: 'b' })()).toBe(true);
    expect(getWhen(o, { mode: 'c' })()).toBe(false);
  });

  it('reads the answers object at the time inquirer calls it, falling back to previous values', () => {
    const answers: Record<string, unknown> = {};
    const when = getWhen({ key: 'x', andConditions: [{ key: 'providers', operator: 'includes', value: 'Google' }] }, answers, { providers: ['Facebook'] });
    expect(when()).toBe(false);
    answers.providers = ['Google', 'Amazon'];
    expect(when()).toBe(true);
    expect(when({ providers: ['Amazon'] })).toBe(false);
  });

  it('configMatch compares a project-config key', () => {
    const q = (value: string) => ({ key: 'x', andConditions: [{ key: 'javascript.framework', operator: 'configMatch' as const, value }] });
    expect(getWhen(q('react'), {}, undefined, amplify)()).toBe(true);
    expect(getWhen(q('vue'), {}, undefined, amplify)()).toBe(false);
    expect(getWhen(q('react'), {})()).toBe(false);
  });

  it('preventEdit and onCreate decide between add and update', () => {
    expect(getWhen({ key: 'name', preventEdit: 'always' }, {})()).toBe(true);
    expect(getWhen({ key: 'name', preventEdit: 'always' }, {}, {})()).toBe(false);
    expect(getWhen({ key: 'pool', preventEdit: 'exists' }, {}, { pool: 'p1' })()).toBe(false);
    expect(getWhen({ key: 'pool', preventEdit: 'exists' }, {}, { other: 1 })()).toBe(true);
    expect(getWhen({ key: 'menu', onCreate: 'never' }, {})()).toBe(false);
    expect(getWhen({ key: 'menu', onCreate: 'never' }, {}, {})()).toBe(true);
  });
});
