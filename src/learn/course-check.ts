/**
 * @module `lantern course check <dir>`: validates a course folder and all its translations. Every
 * declared lesson, check file, case and the final assessment must exist in every declared
 * language with the same structure; every citation must name a declared source; every case's scene
 * graph must be sound. Each problem names its file and line. Reading files is the only I/O; the
 * checking itself is `checkCourseFiles`, a pure function of the files' text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { invalid } from '../platform/http/errors.ts';
import { checkCaseGraph, type CaseGraph } from './case-graph.ts';
import { parseMarkdownFile, parseYamlFile, type CourseIssue, type YamlFile } from './course-files.ts';
import type { Course } from './course-model.ts';
import { assembleCourse, type CourseYaml, type ParsedCourse } from './course-assemble.ts';
import { checkAgainstSchema, type CourseFileKind } from './course-schema.ts';
import { caseShape, compareShapes, questionFileShape } from './course-shape.ts';
import { scanCourseText, type TextScan } from './course-text.ts';

export type { CourseIssue } from './course-files.ts';

/** The outcome of checking a course: its problems, and the model when there are none. */
export interface CourseCheckResult {
  issues: CourseIssue[];
  course?: Course;
}

/** Checks the course in `dir` (a folder holding course.yaml). */
export async function checkCourse(dir: string): Promise<CourseCheckResult> {
  const root = resolve(dir);
  return checkCourseFiles(basename(root), await readCourseFiles(root));
}

/** Loads a sound course as a typed model; throws an INVALID LanternError naming the first problem otherwise. */
export async function loadCourse(dir: string): Promise<Course> {
  const result = await checkCourse(dir);
  if (result.course) return result.course;
  const first = result.issues[0];
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
  throw invalid(`course ${basename(resolve(dir))} is invalid: ${first?.file}:${first?.line}: ${first?.message}${more}`, first?.file);
}

/** Runs `lantern course check <dir>`: exit code 0 when the course is sound, 1 with one `file:line: message` per problem. */
export async function runCourseCheckCommand(dir: string): Promise<{ exitCode: number; output: string }> {
  let result: CourseCheckResult;
  try {
    result = await checkCourse(dir);
  } catch (error) {
    return { exitCode: 2, output: `cannot read course folder ${dir}: ${(error as Error).message}` };
  }
  if (result.issues.length === 0 && result.course) {
    const c = result.course;
    return {
      exitCode: 0,
      output: `${c.id} ${c.version}: OK (${c.languages.join(', ')}; ${c.modules.length} modules, ` +
        `${c.modules.reduce((n, m) => n + m.cases.length, 0)} cases, ${c.assessment.length} assessment questions)`,
    };
  }
  const lines = result.issues.map((i) => `${join(dir, i.file)}:${i.line}: ${i.message}`);
  lines.push(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} found`);
  return { exitCode: 1, output: lines.join('\n') };
}

/** Reads every file under a course folder, keyed by its path relative to the folder (with `/`). */
export async function readCourseFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    // Dotfiles (.DS_Store, editor swap files) are not course content.
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join('/'), await readFile(full, 'utf8'));
  }
  return files;
}

/** Checks a course given the text of its files; `folder` is the course folder's name. */
export function checkCourseFiles(folder: string, files: ReadonlyMap<string, string>): CourseCheckResult {
  const issues: CourseIssue[] = [];
  const metaText = files.get('course.yaml');
  if (metaText === undefined) return { issues: [{ file: 'course.yaml', line: 1, message: 'course.yaml is missing' }] };
  const metaFile = parseYaml('course.yaml', metaText, 'course', issues);
  if (!metaFile || issues.length > 0) return { issues };
  const meta = metaFile.value as CourseYaml;
  issues.push(...checkMeta(folder, meta, metaFile));

  const sourceIds = new Set(meta.sources.map((s) => s.id));
  const [reference, ...translations] = meta.languages as [string, ...string[]];
  const expected = new Set<string>(['course.yaml']);
  const parsed: ParsedCourse = { meta, lessons: new Map(), questionFiles: new Map(), cases: new Map() };

  const checkCites = (file: string, scan: TextScan): void => {
    for (const problem of scan.problems) issues.push({ file, ...problem });
    for (const cite of scan.cites) {
      if (!sourceIds.has(cite.id)) issues.push({ file, line: cite.line, message: `cites [@${cite.id}], which is not in the sources of course.yaml` });
    }
  };

  // A YAML part (checks, case, assessment) in every language, compared with the reference language.
  const checkYamlPart = (key: string, pathOf: (lang: string) => string, kind: CourseFileKind): void => {
    const byLanguage = new Map<string, YamlFile>();
    for (const lang of meta.languages) {
      const file = pathOf(lang);
      expected.add(file);
      const text = files.get(file);
      if (text === undefined) {
        issues.push({ file, line: 1, message: `missing: ${key} has no ${lang} version` });
        continue;
      }
      const yaml = parseYaml(file, text, kind, issues);
      if (!yaml) continue;
      for (const { source, line } of yaml.strings) checkCites(file, scanCourseText(source, line));
      const cited = (yaml.value as { sources?: unknown }).sources;
      const allSources = kind === 'case' ? [cited] : ((yaml.value as { questions?: { sources?: unknown }[] }).questions ?? []).map((q) => q.sources);
      allSources.forEach((list, i) => {
        for (const id of Array.isArray(list) ? list : []) {
          if (!sourceIds.has(String(id))) {
            const path = kind === 'case' ? ['sources'] : ['questions', i, 'sources'];
            issues.push({ file, line: yaml.lineOf(path), message: `source "${String(id)}" is not in the sources of course.yaml` });
          }
        }
      });
      byLanguage.set(lang, yaml);
    }
    const shapeOf = kind === 'case' ? caseShape : questionFileShape;
    const ref = byLanguage.get(reference);
    if (ref) {
      for (const lang of translations) {
        const own = byLanguage.get(lang);
        if (own) issues.push(...compareShapes({ file: ref.file, shape: shapeOf(ref.value) }, { yaml: own, shape: shapeOf(own.value) }));
      }
      issues.push(...(kind === 'case' ? checkCase(key, ref) : checkQuestions(ref)));
    }
    if (kind === 'case') parsed.cases.set(key, byLanguage);
    else parsed.questionFiles.set(key, byLanguage);
  };

  for (const module of meta.modules) {
    const dir = `modules/${module.id}`;
    for (const lessonId of module.lessons ?? ['lesson']) checkLesson(module.id, lessonId, dir);
    if (module.checks) checkYamlPart(`${dir}/checks`, (lang) => `${dir}/checks.${lang}.yaml`, 'questionFile');
    for (const caseId of module.cases ?? []) checkYamlPart(caseId, (lang) => `${dir}/cases/${caseId}.${lang}.yaml`, 'case');
  }
  if (meta.assessment !== false) checkYamlPart('assessment', (lang) => `assessment.${lang}.yaml`, 'questionFile');

  for (const file of files.keys()) {
    if (!expected.has(file)) {
      issues.push({ file, line: 1, message: 'not part of the course: course.yaml declares no such module, case or language' });
    }
  }
  if (issues.length > 0) return { issues };
  return { issues, course: assembleCourse(parsed) };

  function checkLesson(moduleId: string, lessonId: string, dir: string): void {
    const scans = new Map<string, { file: string; scan: TextScan }>();
    for (const lang of meta.languages) {
      const file = `${dir}/${lessonId}.${lang}.md`;
      expected.add(file);
      const text = files.get(file);
      if (text === undefined) {
        issues.push({ file, line: 1, message: `missing: lesson ${lessonId} of module ${moduleId} has no ${lang} version` });
        continue;
      }
      const { markdown, issues: mdIssues } = parseMarkdownFile(file, text);
      issues.push(...mdIssues);
      if (markdown.frontMatter) issues.push(...checkAgainstSchema(markdown.frontMatter, 'lessonFrontMatter'));
      const scan = scanCourseText(markdown.body, markdown.bodyStartLine);
      checkCites(file, scan);
      if (scan.cites.length === 0) issues.push({ file, line: markdown.bodyStartLine, message: 'the lesson cites no source; cite each fact as [@source-id]' });
      scans.set(lang, { file, scan });
      const title = (markdown.frontMatter?.value as { title?: unknown } | undefined)?.title;
      const key = `${moduleId}/${lessonId}`;
      const lessons = parsed.lessons.get(key) ?? new Map();
      lessons.set(lang, { title: typeof title === 'string' ? title : '', body: markdown.body, cites: unique(scan.cites.map((c) => c.id)) });
      parsed.lessons.set(key, lessons);
    }
    const ref = scans.get(reference);
    if (!ref) return;
    for (const lang of translations) {
      const own = scans.get(lang);
      if (!own) continue;
      issues.push(...compareSets(own.file, ref.file, 'cites', ref.scan.cites.map((c) => c.id), own.scan.cites.map((c) => ({ value: c.id, line: c.line }))));
      issues.push(
        ...compareSets(own.file, ref.file, 'uses placeholder', ref.scan.placeholders.map((p) => p.name), own.scan.placeholders.map((p) => ({ value: p.name, line: p.line }))),
      );
    }
  }
}

function parseYaml(file: string, text: string, kind: CourseFileKind, issues: CourseIssue[]): YamlFile | undefined {
  const { yaml, issues: syntax } = parseYamlFile(file, text);
  issues.push(...syntax);
  if (!yaml) return undefined;
  const schemaIssues = checkAgainstSchema(yaml, kind);
  issues.push(...schemaIssues);
  return schemaIssues.length === 0 ? yaml : undefined;
}

function checkMeta(folder: string, meta: CourseYaml, file: YamlFile): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const at = (path: (string | number)[], message: string): void => {
    issues.push({ file: 'course.yaml', line: file.lineOf(path), message });
  };
  if (meta.id !== folder) at(['id'], `id "${meta.id}" differs from the folder name "${folder}"`);
  for (const key of ['title', 'description'] as const) {
    for (const lang of meta.languages) if (!meta[key][lang]) at([key], `${key} has no ${lang} text`);
    for (const lang of Object.keys(meta[key])) if (!meta.languages.includes(lang)) at([key, lang], `${key} has text in ${lang}, which is not a declared language`);
  }
  for (const key of ['title', 'description'] as const) {
    for (const [lang, text] of Object.entries(meta[key])) {
      for (const problem of scanCourseText(text, file.textLineOf([key, lang])).problems) issues.push({ file: 'course.yaml', ...problem });
    }
  }
  const moduleMinutes = meta.modules.reduce((sum, m) => sum + m.minutes, 0);
  if (moduleMinutes > meta.estimatedMinutes) {
    at(['estimatedMinutes'], `the modules take ${moduleMinutes} minutes, more than estimatedMinutes (${meta.estimatedMinutes})`);
  }
  const firstIndex = new Map<string, number>();
  const duplicates = (list: string[], path: (i: number) => (string | number)[], what: string): void => {
    firstIndex.clear();
    list.forEach((id, i) => {
      if (firstIndex.has(id)) at(path(i), `${what} "${id}" is declared twice`);
      else firstIndex.set(id, i);
    });
  };
  duplicates(meta.sources.map((s) => s.id), (i) => ['sources', i, 'id'], 'source');
  duplicates(meta.modules.map((m) => m.id), (i) => ['modules', i, 'id'], 'module');
  const caseIds = meta.modules.flatMap((m, i) => (m.cases ?? []).map((id, j) => ({ id, path: ['modules', i, 'cases', j] })));
  duplicates(caseIds.map((c) => c.id), (i) => caseIds[i]?.path ?? ['modules'], 'case');
  return issues;
}

function checkCase(caseId: string, yaml: YamlFile): CourseIssue[] {
  const value = yaml.value as { id: string; start: string; scenes: { id: string; debrief?: unknown; choices?: { id: string; next: string }[] }[] };
  const issues: CourseIssue[] = [];
  if (value.id !== caseId) issues.push({ file: yaml.file, line: yaml.lineOf(['id']), message: `id "${value.id}" differs from the file name "${caseId}"` });
  const graph: CaseGraph = {
    start: value.start,
    scenes: value.scenes.map((s) => ({ id: s.id, debrief: s.debrief !== undefined, choices: s.choices ?? [] })),
  };
  for (const problem of checkCaseGraph(graph)) issues.push({ file: yaml.file, line: yaml.lineOf(problem.path), message: problem.message });
  return issues;
}

function checkQuestions(yaml: YamlFile): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const questions = (yaml.value as { questions: { id: string; type: string; options: { id: string; correct: boolean }[] }[] }).questions;
  const questionIds = new Set<string>();
  questions.forEach((q, i) => {
    const at = (path: (string | number)[], message: string): void => {
      issues.push({ file: yaml.file, line: yaml.lineOf(['questions', i, ...path]), message });
    };
    if (questionIds.has(q.id)) at(['id'], `question id "${q.id}" is used twice`);
    questionIds.add(q.id);
    const optionIds = new Set<string>();
    q.options.forEach((o, j) => {
      if (optionIds.has(o.id)) at(['options', j, 'id'], `option id "${o.id}" is used twice in question "${q.id}"`);
      optionIds.add(o.id);
    });
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'single' && correct !== 1) at(['type'], `single-choice question "${q.id}" has ${correct} correct options; it needs exactly 1`);
    if (q.type === 'multiple' && correct === 0) at(['type'], `multiple-choice question "${q.id}" has no correct option`);
  });
  return issues;
}

function compareSets(file: string, refFile: string, verb: string, reference: string[], own: { value: string; line: number }[]): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const ownValues = new Set(own.map((o) => o.value));
  for (const value of unique(reference)) {
    if (!ownValues.has(value)) issues.push({ file, line: 1, message: `${refFile} ${verb} ${value}, this translation does not` });
  }
  const refValues = new Set(reference);
  for (const o of own) {
    if (!refValues.has(o.value)) issues.push({ file, line: o.line, message: `${verb} ${o.value}, which ${refFile} does not` });
  }
  return issues;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
