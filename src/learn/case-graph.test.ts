import { expect, test } from 'vitest';
import { checkCaseGraph, type CaseGraph } from './case-graph.ts';

const scene = (id: string, ...next: string[]) => ({ id, debrief: next.length === 0, choices: next.map((n, i) => ({ id: `c${i}`, next: n })) });

test('a sound graph has no problems', () => {
  const graph: CaseGraph = { start: 'a', scenes: [scene('a', 'b', 'c'), scene('b', 'c', 'end'), scene('c', 'end'), scene('end')] };
  expect(checkCaseGraph(graph)).toEqual([]);
});

test('a missing target, a loop and an unreachable scene are each located', () => {
  const graph: CaseGraph = { start: 'a', scenes: [scene('a', 'b'), scene('b', 'a', 'ghost', 'end'), scene('island', 'end'), scene('end')] };
  expect(checkCaseGraph(graph)).toEqual([
    { path: ['scenes', 1, 'choices', 1, 'next'], message: expect.stringContaining('"ghost", which does not exist') },
    { path: ['scenes', 1, 'choices', 0, 'next'], message: expect.stringContaining('loops back to scene "a"') },
    { path: ['scenes', 2, 'id'], message: expect.stringContaining('"island" cannot be reached') },
  ]);
});

test('a missing start scene, duplicate ids and no debrief', () => {
  expect(checkCaseGraph({ start: 'x', scenes: [scene('a', 'a')] })).toEqual([{ path: ['start'], message: expect.stringContaining('"x" does not exist') }]);
  const problems = checkCaseGraph({ start: 'a', scenes: [scene('a', 'b'), scene('b', 'c'), scene('b'), scene('c', 'b')] });
  expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringContaining('"b" is used twice')]));
  const noDebrief = checkCaseGraph({ start: 'a', scenes: [scene('a', 'b'), { id: 'b', debrief: false, choices: [{ id: 'c0', next: 'a' }] }] });
  expect(noDebrief.map((p) => p.message)).toContain('the case has no debrief scene');
});
