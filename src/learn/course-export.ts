/**
 * @module `lantern course export <id> --format scorm12|cmi5 <out.zip>`: a self-contained package
 * for a hospital's learning system: its descriptor (imsmanifest.xml or cmi5.xml) and one
 * index.html holding the lessons, checks, cases and final assessment with an inline player.
 */
import { writeFile } from 'node:fs/promises';
import { zipSync, strToU8 } from 'fflate';
import { invalid } from '../platform/http/errors.ts';
import type { Course } from './course-model.ts';
import { shippedCatalog } from './course-catalog.ts';
import { chooseLanguage } from './course-render.ts';
import { buildPackageCourse } from './package-content.ts';
import { renderPackagePage } from './package-page.ts';
import { cmi5CourseStructure, scormManifest } from './package-manifest.ts';

export type ExportFormat = 'scorm12' | 'cmi5';

/** The files of a package, by path. */
export function packageFiles(course: Course, format: ExportFormat, language: string): Record<string, string> {
  const index = renderPackagePage(buildPackageCourse(course, language));
  return format === 'scorm12'
    ? { 'imsmanifest.xml': scormManifest(course, language), 'index.html': index }
    : { 'cmi5.xml': cmi5CourseStructure(course, language), 'index.html': index };
}

/** The package as zip bytes. */
export function exportCoursePackage(course: Course, format: ExportFormat, language = course.languages[0] ?? 'en'): Uint8Array {
  const files = packageFiles(course, format, chooseLanguage(course, language));
  // A fixed date keeps the zip byte-identical for the same course version.
  const mtime = new Date('2020-01-01T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [strToU8(text), { mtime }]])), { level: 9 });
}

/** Runs the export command; returns what to print and the exit code. */
export async function runCourseExportCommand(id: string, options: { format: string; out: string; language?: string }): Promise<{ exitCode: number; output: string }> {
  if (options.format !== 'scorm12' && options.format !== 'cmi5') throw invalid('--format must be scorm12 or cmi5.', 'format');
  const course = (await shippedCatalog()).get(id);
  if (options.language && !course.languages.includes(options.language)) throw invalid(`${id} has no ${options.language} version; it has ${course.languages.join(', ')}.`, 'language');
  const zip = exportCoursePackage(course, options.format, options.language);
  await writeFile(options.out, zip);
  return { exitCode: 0, output: `${options.out}: ${id} ${course.version} as ${options.format} (${options.language ?? course.languages[0]}), ${zip.byteLength} bytes` };
}
