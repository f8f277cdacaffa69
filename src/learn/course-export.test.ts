import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { findNationalRoute, loadShippedReference } from '../respond/jurisdictions.ts';
import { shippedCatalog } from './course-catalog.ts';
import type { Course } from './course-model.ts';
import { exportCoursePackage } from './course-export.ts';
import { buildPackageCourse } from './package-content.ts';

const standards = fileURLToPath(new URL('../../test/fixtures/standards/', import.meta.url));

// xmllint is Debian's libxml2-utils; scripts/test.mjs installs it on a fresh machine.
function xmllint(schema: string, xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-xml-'));
  try {
    writeFileSync(join(dir, 'doc.xml'), xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', join(standards, schema), join(dir, 'doc.xml')], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('course export', () => {
  let course: Course;
  let scorm: Record<string, string>;
  let cmi5: Record<string, string>;

  beforeAll(async () => {
    course = (await shippedCatalog()).get('lantern-essentials');
    const unzip = (zip: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
    scorm = unzip(exportCoursePackage(course, 'scorm12', 'en'));
    cmi5 = unzip(exportCoursePackage(course, 'cmi5', 'es'));
  });

  test('the SCORM 1.2 manifest validates against the published schemas, and a broken one does not', () => {
    expect(Object.keys(scorm).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    const valid = xmllint('scorm-1.2/scorm12-all.xsd', scorm['imsmanifest.xml']!);
    expect(valid.output).toContain('validates');
    expect(valid.ok).toBe(true);
    expect(scorm['imsmanifest.xml']).toContain(`<adlcp:masteryscore>${course.passMark}</adlcp:masteryscore>`);
    const broken = xmllint('scorm-1.2/scorm12-all.xsd', scorm['imsmanifest.xml']!.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'));
    expect(broken.ok).toBe(false);
  });

  test('cmi5.xml validates against CourseStructure.xsd, and a broken one does not', () => {
    expect(Object.keys(cmi5).sort()).toEqual(['cmi5.xml', 'index.html']);
    const valid = xmllint('cmi5/CourseStructure.xsd', cmi5['cmi5.xml']!);
    expect(valid.output).toContain('validates');
    expect(valid.ok).toBe(true);
    expect(cmi5['cmi5.xml']).toContain('lang="es"');
    expect(xmllint('cmi5/CourseStructure.xsd', cmi5['cmi5.xml']!.replace('<url>index.html</url>', '')).ok).toBe(false);
  });

  test('the package needs no network: no external script, style, font or image, and no placeholder left', () => {
    for (const html of [scorm['index.html']!, cmi5['index.html']!]) {
      expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
      expect(html).not.toMatch(/@import|url\(/);
      expect(html).not.toMatch(/\{(hotline|cybertipline|stateChildReport)\.[A-Za-z]+\}/);
      expect(html).not.toContain('[@');
    }
    const hotline = findNationalRoute(loadShippedReference().national, 'human-trafficking-hotline')!;
    expect(scorm['index.html']).toContain(hotline.phone);
    expect(cmi5['index.html']).toContain('<html lang="es">');
  });

  test('the largest progress a learner can make still fits cmi.suspend_data', () => {
    // Every page visited, every option of every check chosen, the longest path through every case,
    // every attempt used: the player's state at its biggest.
    const pkg = buildPackageCourse(course, 'en');
    const c: Record<string, number[]> = {};
    const k: Record<string, number[]> = {};
    pkg.pages.forEach((page, p) => {
      if (page.type === 'checks') page.questions.forEach((q, qi) => { c[`${p}.${qi}`] = q.options.map((_o, oi) => oi); });
      if (page.type === 'case') k[String(p)] = new Array(page.scenes.length).fill(9);
    });
    const worst = JSON.stringify({ p: pkg.pages.length - 1, v: '1'.repeat(pkg.pages.length), c, k, n: course.retryPolicy.maxAttempts ?? 99, s: 100, d: 1 });
    expect(worst.length).toBeLessThan(4096);
  });
});
