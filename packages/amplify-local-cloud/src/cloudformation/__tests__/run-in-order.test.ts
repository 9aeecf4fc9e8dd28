import { runInOrder } from '../run-in-order';

const graph: Record<string, string[]> = { A: [], B: ['A'], C: ['A'], D: ['B', 'C'], E: [] };
const needs = (id: string) => graph[id];

test('runs every id after its dependencies, independent ones concurrently', async () => {
  const started: string[] = [];
  let running = 0;
  let peak = 0;
  const failed = await runInOrder(Object.keys(graph), needs, async (id) => {
    started.push(id);
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
    return true;
  });
  expect(failed).toEqual([]);
  expect(started.indexOf('B')).toBeGreaterThan(started.indexOf('A'));
  expect(started.indexOf('D')).toBeGreaterThan(Math.max(started.indexOf('B'), started.indexOf('C')));
  expect(peak).toBeGreaterThan(1);
});

test('after a failure nothing new starts, unless told to go on with what does not depend on it', async () => {
  const started: string[] = [];
  const work = async (id: string) => {
    started.push(id);
    return id !== 'B';
  };
  expect(await runInOrder(['A', 'B', 'C', 'D'], needs, work)).toEqual(['B']);
  expect(started).not.toContain('D');
  started.length = 0;
  expect(await runInOrder(['A', 'B', 'C', 'D', 'E'], needs, work, true)).toEqual(['B']);
  expect(started.sort()).toEqual(['A', 'B', 'C', 'E']);
});

test('a rejected piece of work counts as a failure; ids outside the set do not hold anything back', async () => {
  expect(await runInOrder(['B', 'C'], needs, async (id) => {
    if (id === 'C') throw new Error('boom');
    return true;
  })).toEqual(['C']);
});
