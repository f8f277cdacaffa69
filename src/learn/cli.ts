/**
 * @module Learn's subcommands: `lantern course check <dir>` and
 * `lantern course export <id> --format scorm12|cmi5 <out.zip>`.
 */
import type { Command } from 'commander';
import { runCourseCheckCommand } from './course-check.ts';
import { runCourseExportCommand } from './course-export.ts';

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
  course.command('export')
    .description('Export a shipped course as a self-contained SCORM 1.2 or cmi5 package for a learning management system.')
    .argument('<id>', 'the course id, e.g. lantern-essentials')
    .argument('<out>', 'the zip file to write')
    .requiredOption('--format <format>', 'scorm12 or cmi5')
    .option('--language <code>', 'the package language (default: the course\'s first)')
    .action(async (id: string, out: string, options: { format: string; language?: string }) => {
      try {
        const result = await runCourseExportCommand(id, { ...options, out });
        process.stdout.write(`${result.output}\n`);
        process.exitCode = result.exitCode;
      } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
