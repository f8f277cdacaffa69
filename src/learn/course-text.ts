/**
 * @module Rules for the words of a course, whichever file they sit in: citations `[@id]` must name
 * a declared source, placeholders `{hotline.phone}` must be ones the renderer fills from
 * jurisdiction data, and no hotline number or hotline operator may be written into the text
 * (numbers are data with a verified date; the operator changed in 2025, domain-facts.md §5).
 */
import { findAll } from './course-files.ts';

/**
 * Placeholders the lesson renderer fills from jurisdiction data (content/jurisdictions).
 * Sources in content/jurisdictions: `hotline.*` and `cybertipline.*` come from national-routes.yaml
 * (phone, text.number, text.keywords[0], tty, web.url); `stateChildReport.route` is a short phrase,
 * in the learner's language, naming their state's child-abuse reporting route from us-states.yaml
 * (the statewide number, or "your county's child-protection office" where there is none, or a
 * generic phrase when the jurisdiction is unknown, e.g. in a SCORM package).
 */
export const coursePlaceholders = [
  'hotline.phone',
  'hotline.textNumber',
  'hotline.textKeyword',
  'hotline.tty',
  'hotline.web',
  'cybertipline.phone',
  'cybertipline.web',
  'stateChildReport.route',
] as const;

// Names of organizations that have operated the national hotline (domain-facts.md §5). Product text
// says "the National Human Trafficking Hotline" and never who runs it.
const hotlineOperatorNames = [/\bpolaris\b/i, /\bcompass connections\b/i];

// A US phone number (1-888-373-7888, (888) 373 7888, 1-800-THE-LOST) or an SMS short code (233733, 233-733).
const phonePatterns = [
  /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/,
  /\b1-8\d\d-[A-Z]{3}-?[A-Z]{4}\b/,
  /\b\d{3}-\d{3}\b/,
  /(?<![\d,.])\d{5,6}(?![\d,.])/,
];

const citationPattern = /\[@([^\]]+)\]/;
const placeholderPattern = /\{([A-Za-z]+\.[A-Za-z]+)\}/;

/** What a piece of course text cites and fills in, and what in it breaks a rule. */
export interface TextScan {
  cites: { id: string; line: number }[];
  placeholders: { name: string; line: number }[];
  problems: { line: number; message: string }[];
}

/** Scans text (a lesson body or one YAML string) whose first line is `firstLine`. */
export function scanCourseText(text: string, firstLine: number): TextScan {
  const scan: TextScan = { cites: [], placeholders: [], problems: [] };
  for (const { match, line } of findAll(text, citationPattern, firstLine)) {
    for (const part of (match[1] ?? '').split(';')) {
      const id = part.trim().replace(/^@/, '');
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
        scan.problems.push({ line, message: `citation "[@${match[1]}]" is not of the form [@source-id] or [@a; @b]` });
      } else scan.cites.push({ id, line });
    }
  }
  for (const { line } of findAll(text, /\[@[^\]]*$/, firstLine)) {
    scan.problems.push({ line, message: 'a citation "[@…]" must open and close on the same line' });
  }
  for (const { match, line } of findAll(text, placeholderPattern, firstLine)) {
    const name = match[1] ?? '';
    if ((coursePlaceholders as readonly string[]).includes(name)) scan.placeholders.push({ name, line });
    else scan.problems.push({ line, message: `unknown placeholder {${name}}; known: ${coursePlaceholders.join(', ')}` });
  }
  const phoneLines = new Set<number>();
  for (const pattern of phonePatterns) {
    for (const { match, line } of findAll(text, pattern, firstLine)) {
      // One number can match several patterns (1-888-373-7888 also holds 888-373): report a line once.
      if (phoneLines.has(line)) continue;
      phoneLines.add(line);
      scan.problems.push({
        line,
        message: `"${match[0]}" looks like a phone number or text code: use a placeholder such as {hotline.phone}`,
      });
    }
  }
  for (const pattern of hotlineOperatorNames) {
    for (const { match, line } of findAll(text, pattern, firstLine)) {
      scan.problems.push({ line, message: `"${match[0]}" names a hotline operator; say "the National Human Trafficking Hotline"` });
    }
  }
  return scan;
}
