/**
 * @module The language-independent shape of a question file or a case: ids, order, question
 * types, which options are correct, ratings and where each choice leads. Every translation must
 * have exactly the shape of the course's first language, or a learner's score or path would
 * depend on the language they chose.
 */
import type { CourseIssue, ValuePath, YamlFile } from './course-files.ts';

/** One structural fact: where it sits and its value. */
interface ShapeEntry {
  path: ValuePath;
  value: string;
}

type Shape = Map<string, ShapeEntry>;

/** The shape of a checks or assessment file (`questions: [...]`). */
export function questionFileShape(value: unknown): Shape {
  const shape: Shape = new Map();
  const questions = arrayAt(value, 'questions');
  put(shape, ['questions'], 'count', questions.length);
  questions.forEach((q, i) => {
    for (const key of ['id', 'type', 'sources']) put(shape, ['questions', i, key], '', field(q, key));
    const options = arrayAt(q, 'options');
    put(shape, ['questions', i, 'options'], 'count', options.length);
    options.forEach((o, j) => {
      for (const key of ['id', 'correct']) put(shape, ['questions', i, 'options', j, key], '', field(o, key));
    });
  });
  return shape;
}

/** The shape of a branching case. */
export function caseShape(value: unknown): Shape {
  const shape: Shape = new Map();
  for (const key of ['id', 'start', 'sources']) put(shape, [key], '', field(value, key));
  const scenes = arrayAt(value, 'scenes');
  put(shape, ['scenes'], 'count', scenes.length);
  scenes.forEach((scene, i) => {
    put(shape, ['scenes', i, 'id'], '', field(scene, 'id'));
    const debrief = field(scene, 'debrief');
    put(shape, ['scenes', i], 'kind', debrief === undefined ? 'scene' : 'debrief');
    if (debrief !== undefined) put(shape, ['scenes', i, 'debrief', 'keyPoints'], 'count', arrayAt(debrief, 'keyPoints').length);
    const choices = arrayAt(scene, 'choices');
    put(shape, ['scenes', i, 'choices'], 'count', choices.length);
    choices.forEach((c, j) => {
      for (const key of ['id', 'rating', 'next']) put(shape, ['scenes', i, 'choices', j, key], '', field(c, key));
    });
  });
  return shape;
}

/** Reports every place where a translation's shape differs from the reference language's. */
export function compareShapes(reference: { file: string; shape: Shape }, translation: { yaml: YamlFile; shape: Shape }): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const { yaml } = translation;
  for (const [key, ref] of reference.shape) {
    const own = translation.shape.get(key);
    if (own === undefined) {
      issues.push({ file: yaml.file, line: yaml.lineOf(ref.path), message: `${describe(key)} is missing; ${reference.file} has ${ref.value}` });
    } else if (own.value !== ref.value) {
      issues.push({
        file: yaml.file,
        line: yaml.lineOf(own.path),
        message: `${describe(key)} is ${own.value} but ${reference.file} has ${ref.value}; choices, answers and ids must be identical in every language`,
      });
    }
  }
  for (const [key, own] of translation.shape) {
    if (!reference.shape.has(key)) {
      issues.push({ file: yaml.file, line: yaml.lineOf(own.path), message: `${describe(key)} (${own.value}) is not in ${reference.file}` });
    }
  }
  return issues;
}

function put(shape: Shape, path: ValuePath, aspect: string, value: unknown): void {
  const key = aspect ? `${path.join('.')}#${aspect}` : path.join('.');
  shape.set(key, { path, value: Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value) ?? 'nothing' });
}

function describe(key: string): string {
  const [path, aspect] = key.split('#');
  if (aspect === 'count') return `the number of items in ${path}`;
  if (aspect === 'kind') return `the kind of ${path}`;
  return path ?? key;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}
