/**
 * @module The courses the server offers: every folder under content/courses with a course.yaml,
 * loaded and checked once. A course that fails its check is not offered (and the error is thrown
 * at start-up, so a broken course fails the deploy, not a learner).
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { notFound } from '../platform/http/errors.ts';
import type { Course } from './course-model.ts';
import { loadCourse } from './course-check.ts';

export const defaultCoursesDir = fileURLToPath(new URL('../../content/courses/', import.meta.url));

export interface CourseCatalog {
  list(): Course[];
  /** The course, or NOT_FOUND. */
  get(id: string): Course;
}

/** Loads every course under `dir`. */
export async function loadCourseCatalog(dir = defaultCoursesDir): Promise<CourseCatalog> {
  const entries = await readdir(dir, { withFileTypes: true });
  const courses: Course[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (existsSync(join(dir, entry.name, 'course.yaml'))) courses.push(await loadCourse(join(dir, entry.name)));
  }
  return catalogOf(courses);
}

/** A catalog of already-loaded courses. */
export function catalogOf(courses: Course[]): CourseCatalog {
  const byId = new Map(courses.map((c) => [c.id, c]));
  return {
    list: () => [...byId.values()],
    get(id) {
      const course = byId.get(id);
      if (!course) throw notFound(`Course ${id}`);
      return course;
    },
  };
}

let shipped: Promise<CourseCatalog> | undefined;

/** The shipped courses, loaded once per process. */
export function shippedCatalog(): Promise<CourseCatalog> {
  shipped ??= loadCourseCatalog();
  return shipped;
}
