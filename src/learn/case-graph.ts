/**
 * @module Checks the scene graph of a branching patient case: every choice leads to a scene that
 * exists, every scene can be reached from the start, and every path ends in a debrief. A path
 * that loops could keep a learner from ever reaching the debrief, so the graph must be acyclic
 * (a scene with choices always moves forward; a debrief has none).
 */
import type { ValuePath } from './course-files.ts';

/** The language-independent shape of a case, as the check needs it. */
export interface CaseGraph {
  start: string;
  scenes: { id: string; debrief: boolean; choices: { id: string; next: string }[] }[];
}

/** A problem in the graph, located by its path in the case file. */
export interface GraphProblem {
  path: ValuePath;
  message: string;
}

/** Returns every problem in the scene graph (none for a sound case). */
export function checkCaseGraph(graph: CaseGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const index = new Map<string, number>();
  const sceneIds = new Set(graph.scenes.map((scene) => scene.id));
  graph.scenes.forEach((scene, i) => {
    if (index.has(scene.id)) problems.push({ path: ['scenes', i, 'id'], message: `scene id "${scene.id}" is used twice` });
    else index.set(scene.id, i);
    const choiceIds = new Set<string>();
    scene.choices.forEach((choice, j) => {
      if (choiceIds.has(choice.id)) {
        problems.push({ path: ['scenes', i, 'choices', j, 'id'], message: `choice id "${choice.id}" is used twice in scene "${scene.id}"` });
      }
      choiceIds.add(choice.id);
      if (!sceneIds.has(choice.next)) {
        problems.push({ path: ['scenes', i, 'choices', j, 'next'], message: `choice "${choice.id}" leads to scene "${choice.next}", which does not exist` });
      }
    });
  });
  if (!index.has(graph.start)) {
    problems.push({ path: ['start'], message: `start scene "${graph.start}" does not exist` });
    return problems;
  }

  // Depth-first from the start: grey = on the current path (a visit back to it closes a loop).
  const state = new Map<string, 'grey' | 'black'>();
  const visit = (id: string): void => {
    state.set(id, 'grey');
    const sceneIndex = index.get(id) ?? -1;
    const scene = graph.scenes[sceneIndex];
    scene?.choices.forEach((choice, j) => {
      if (!index.has(choice.next)) return;
      const seen = state.get(choice.next);
      if (seen === 'grey') {
        problems.push({
          path: ['scenes', sceneIndex, 'choices', j, 'next'],
          message: `choice "${choice.id}" loops back to scene "${choice.next}": every path must reach a debrief`,
        });
      } else if (seen === undefined) visit(choice.next);
    });
    state.set(id, 'black');
  };
  visit(graph.start);

  graph.scenes.forEach((scene, i) => {
    if (index.get(scene.id) === i && !state.has(scene.id)) {
      problems.push({ path: ['scenes', i, 'id'], message: `scene "${scene.id}" cannot be reached from the start scene "${graph.start}"` });
    }
  });
  if (!graph.scenes.some((scene) => scene.debrief)) {
    problems.push({ path: ['scenes'], message: 'the case has no debrief scene' });
  }
  return problems;
}
