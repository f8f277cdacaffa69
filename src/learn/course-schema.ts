/**
 * @module Validates course files against content/courses/course.schema.json and turns each schema
 * error into a CourseIssue on the line of the offending value.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { CourseIssue, ValuePath, YamlFile } from './course-files.ts';

/** The parts of a course the schema describes. */
export type CourseFileKind = 'course' | 'lessonFrontMatter' | 'questionFile' | 'case';

const schemaUrl = new URL('../../content/courses/course.schema.json', import.meta.url);
const courseSchema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as { $id: string };

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(courseSchema);

const validators = new Map<CourseFileKind, ValidateFunction>();

function validatorFor(kind: CourseFileKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    const ref = kind === 'course' ? courseSchema.$id : `${courseSchema.$id}#/$defs/${kind}`;
    validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`course.schema.json has no definition for ${kind}`);
    validators.set(kind, validate);
  }
  return validate;
}

/** Validates a parsed file against its part of the course schema; returns issues with lines. */
export function checkAgainstSchema(yaml: YamlFile, kind: CourseFileKind): CourseIssue[] {
  const validate = validatorFor(kind);
  if (validate(yaml.value)) return [];
  const issues = (validate.errors ?? []).filter(isUseful).map((error) => {
    const path = pathOf(error);
    return { file: yaml.file, line: yaml.lineOf(path), message: `${describePath(path)}${reasonOf(error)}` };
  });
  return dedupe(issues);
}

// A scene's oneOf fails with one error per branch plus a summary; the summary says it better.
function isUseful(error: ErrorObject): boolean {
  return !error.schemaPath.includes('/oneOf/');
}

function pathOf(error: ErrorObject): ValuePath {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: (string | number)[] = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  return path;
}

function describePath(path: ValuePath): string {
  return path.length === 0 ? '' : `${path.join('.')}: `;
}

function reasonOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `"${String(params.missingProperty)}" is required`;
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'oneOf':
      return 'a scene has either "choices" or a "debrief", not both and not neither';
    default:
      return error.message ?? error.keyword;
  }
}

function dedupe(issues: CourseIssue[]): CourseIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
