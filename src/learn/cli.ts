/**
 * @module Learn's subcommands: `lantern course check <dir>`.
 */
import type { Command } from 'commander';
import { runCourseCheckCommand } from './course-check.ts';

export function registerLearnCommands(program: Command): void {
  const course = program.command('course').description('Work with courses.');
  course.command('check')
    .description('Validate a course folder and its translations; every error names its file and line.')
    .argument('<dir>', 'the course folder, e.g. content/courses/lantern-essentials')
    .action(async (dir: string) => {
      const result = await runCourseCheckCommand(dir);
      process.stdout.write(`${result.output}\n`);
      process.exitCode = result.exitCode;
    });
}
