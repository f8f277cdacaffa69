import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkCourse, loadCourse, runCourseCheckCommand } from './course-check.ts';

const shipped = new URL('../../content/courses/lantern-essentials', import.meta.url).pathname;
const temps: string[] = [];

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Copies the shipped course into a temp folder of the same name, applies `edit`, and checks it. */
async function checkBrokenCopy(edit: (dir: string) => Promise<void>) {
  const parent = await mkdtemp(join(tmpdir(), 'lantern-course-'));
  temps.push(parent);
  const dir = join(parent, 'lantern-essentials');
  await cp(shipped, dir, { recursive: true });
  await edit(dir);
  return (await checkCourse(dir)).issues;
}

async function replaceIn(file: string, from: string, to: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  const index = text.indexOf(from);
  if (index === -1) throw new Error(`"${from}" not found in ${file}`);
  await writeFile(file, text.slice(0, index) + to + text.slice(index + from.length));
  return text.slice(0, index).split('\n').length;
}

describe('the shipped course', () => {
  test('passes the check in English and Spanish with the same CE hours', async () => {
    const { issues, course } = await checkCourse(shipped);
    expect(issues).toEqual([]);
    expect(course?.languages).toEqual(['en', 'es']);
    expect(course?.ceHours).toBe(1);
    expect(course?.modules.flatMap((m) => m.cases).length).toBeGreaterThanOrEqual(3);
    for (const question of course?.assessment ?? []) expect(Object.keys(question.prompt)).toEqual(['en', 'es']);
  });

  test('loadCourse returns the typed model and the CLI command exits 0', async () => {
    const course = await loadCourse(shipped);
    expect(course.modules[0]?.lessons[0]?.text.es?.title).toBe('Qué es la trata de personas');
    expect(course.modules[0]?.lessons[0]?.text.en?.cites).toContain('usccb-identifying');
    const ed = course.modules.flatMap((m) => m.cases).find((c) => c.id === 'ed-work-injury');
    expect(ed?.scenes.find((s) => s.id === ed.start)?.choices.length).toBeGreaterThan(1);
    const { exitCode, output } = await runCourseCheckCommand(shipped);
    expect(exitCode).toBe(0);
    expect(output).toContain('lantern-essentials 1.0.0: OK');
  });
});

describe('a broken copy fails with file and line', () => {
  test('a missing translation of a lesson', async () => {
    const issues = await checkBrokenCopy((dir) => rm(join(dir, 'modules/03-asking-safely/lesson.es.md')));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'modules/03-asking-safely/lesson.es.md', line: 1, message: expect.stringContaining('no es version') }));
  });

  test('a Spanish check whose correct answer differs from English', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      const file = join(dir, 'modules/03-asking-safely/checks.es.yaml');
      line = 1 + (await replaceIn(file, 'correct: false\n        text: Acepta', 'correct: true\n        text: Acepta'));
    });
    const issue = issues.find((i) => i.file === 'modules/03-asking-safely/checks.es.yaml');
    expect(issue).toMatchObject({ line: line - 1, message: expect.stringContaining('questions.0.options.1.correct') });
  });

  test('a citation of a source that course.yaml does not declare', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      line = await replaceIn(join(dir, 'modules/01-what-is-trafficking/lesson.en.md'), '[@lederer-wetzel-2014]', '[@no-such-source]');
    });
    expect(issues).toContainEqual({ file: 'modules/01-what-is-trafficking/lesson.en.md', line, message: expect.stringContaining('[@no-such-source]') });
  });

  test('a hard-coded hotline number and an operator name', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      line = await replaceIn(join(dir, 'modules/04-responding/lesson.en.md'), '{hotline.phone}', '1-888-373-7888 (run by Polaris)');
    });
    const here = issues.filter((i) => i.file === 'modules/04-responding/lesson.en.md' && i.line === line);
    expect(here.map((i) => i.message).join('\n')).toMatch(/phone number[\s\S]*hotline operator/);
  });

  test('a number inside multi-line case text is reported on its own line', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      line = await replaceIn(join(dir, 'modules/06-practice-cases/cases/ed-work-injury.es.yaml'), 'ocho personas', 'ocho personas (llame al 1-888-373-7888)');
    });
    expect(issues).toEqual([{ file: 'modules/06-practice-cases/cases/ed-work-injury.es.yaml', line, message: expect.stringContaining('phone number') }]);
  });

  test('a case choice that leads to a missing scene', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      await replaceIn(join(dir, 'modules/06-practice-cases/cases/ed-work-injury.es.yaml'), 'next: debrief-missed', 'next: nowhere');
      line = await replaceIn(join(dir, 'modules/06-practice-cases/cases/ed-work-injury.en.yaml'), 'next: debrief-missed', 'next: nowhere');
    });
    expect(issues).toContainEqual({ file: 'modules/06-practice-cases/cases/ed-work-injury.en.yaml', line, message: expect.stringContaining('"nowhere", which does not exist') });
  });

  test('a case with a loop and an unreachable scene', async () => {
    const issues = await checkBrokenCopy(async (dir) => {
      for (const lang of ['en', 'es']) {
        const file = join(dir, `modules/06-practice-cases/cases/adolescent-clinic-visit.${lang}.yaml`);
        // "closed" now loops back to the start, and nothing leads to "debrief-partial" any more.
        await replaceIn(file, 'next: debrief-partial', 'next: check-in');
        await replaceIn(file, 'next: debrief-partial', 'next: check-in');
      }
    });
    const caseIssues = issues.filter((i) => i.file === 'modules/06-practice-cases/cases/adolescent-clinic-visit.en.yaml');
    expect(caseIssues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('loops back to scene "check-in"'), expect.stringContaining('"debrief-partial" cannot be reached')]),
    );
    expect(caseIssues.every((i) => i.line > 1)).toBe(true);
  });

  test('a schema error in a case names its line', async () => {
    let line = 0;
    const issues = await checkBrokenCopy(async (dir) => {
      line = await replaceIn(join(dir, 'modules/06-practice-cases/cases/prenatal-controlling-companion.es.yaml'), 'rating: unsafe', 'rating: fine');
    });
    expect(issues).toContainEqual({ file: 'modules/06-practice-cases/cases/prenatal-controlling-companion.es.yaml', line, message: expect.stringContaining('must be one of') });
  });

  test('an undeclared language file and a bad front matter line', async () => {
    const issues = await checkBrokenCopy(async (dir) => {
      await writeFile(join(dir, 'modules/01-what-is-trafficking/lesson.fr.md'), '---\ntitle: Quoi\n---\n');
      await replaceIn(join(dir, 'modules/02-risk-and-indicators/lesson.es.md'), 'title:', 'titel:');
    });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'modules/01-what-is-trafficking/lesson.fr.md', message: expect.stringContaining('not part of the course') }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'modules/02-risk-and-indicators/lesson.es.md', line: 2 }));
  });

  test('a module with several lessons needs each in every language', async () => {
    const issues = await checkBrokenCopy(async (dir) => {
      await replaceIn(join(dir, 'course.yaml'), 'minutes: 8\n', 'minutes: 8\n    lessons: [lesson, minors]\n');
      await writeFile(join(dir, 'modules/01-what-is-trafficking/minors.en.md'), '---\ntitle: Minors\n---\n\nAny minor in commercial sex [@usccb-identifying].\n');
    });
    expect(issues).toEqual([{ file: 'modules/01-what-is-trafficking/minors.es.md', line: 1, message: expect.stringContaining('lesson minors of module 01-what-is-trafficking has no es version') }]);
  });

  test('the CLI command lists file:line and exits 1', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'lantern-course-'));
    temps.push(parent);
    const dir = join(parent, 'lantern-essentials');
    await cp(shipped, dir, { recursive: true });
    await rm(join(dir, 'assessment.es.yaml'));
    const { exitCode, output } = await runCourseCheckCommand(dir);
    expect(exitCode).toBe(1);
    expect(output).toContain(`${join(dir, 'assessment.es.yaml')}:1: missing`);
    await expect(loadCourse(dir)).rejects.toMatchObject({ code: 'INVALID' });
  });
});
