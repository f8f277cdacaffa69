/**
 * @module Parses the text of course files while keeping positions, so every problem the course
 * check finds can name its file and line: YAML through the `yaml` package's LineCounter and node
 * ranges, Markdown lessons through their front matter and line-by-line scanning.
 */
import { isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** One problem in a course, located in a file relative to the course folder. */
export interface CourseIssue {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/** A parsed YAML file that can say on which line any value sits. */
export interface YamlFile {
  file: string;
  value: unknown;
  lineOf: (path: readonly (string | number)[]) => number;
  /** Line of a string's first character of text (a block scalar `|` starts on the next line). */
  textLineOf: (path: readonly (string | number)[]) => number;
  /** Every string scalar as written in the file, with its first line: scanning the source keeps line numbers exact inside multi-line text. */
  strings: { source: string; line: number }[];
}

/** A path into a parsed value: object keys and array indexes. */
export type ValuePath = readonly (string | number)[];

/** Parses YAML text; syntax errors come back as issues, never thrown. `lineOffset` shifts every line (front matter). */
export function parseYamlFile(file: string, text: string, lineOffset = 0): { yaml?: YamlFile; issues: CourseIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      file,
      line: (e.linePos?.[0]?.line ?? 1) + lineOffset,
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
    }));
    return { issues };
  }
  const lineOf = (path: ValuePath): number => lineOffset + lineInDocument(doc, lineCounter, path);
  const textLineOf = (path: ValuePath): number => {
    const node = doc.getIn(path, true);
    const isBlock = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    return lineOf(path) + (isBlock ? 1 : 0);
  };
  const strings: YamlFile['strings'] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.range) {
        strings.push({ source: text.slice(node.range[0], node.range[1]), line: lineOffset + lineCounter.linePos(node.range[0]).line });
      }
    },
  });
  return { yaml: { file, value: doc.toJS(), lineOf, textLineOf, strings }, issues: [] };
}

// Walks up the path until a node with a position is found: a missing key is reported on its parent.
function lineInDocument(doc: Document, lineCounter: LineCounter, path: ValuePath): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/** A Markdown lesson split into front matter and body, with the body's first line number. */
export interface MarkdownFile {
  file: string;
  frontMatter?: YamlFile;
  body: string;
  bodyStartLine: number;
}

/** Splits `---` front matter from a Markdown file. */
export function parseMarkdownFile(file: string, text: string): { markdown: MarkdownFile; issues: CourseIssue[] } {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') {
    return {
      markdown: { file, body: text, bodyStartLine: 1 },
      issues: [{ file, line: 1, message: 'a lesson starts with YAML front matter between "---" lines (title)' }],
    };
  }
  const end = lines.indexOf('---', 1);
  if (end === -1) {
    return {
      markdown: { file, body: '', bodyStartLine: lines.length },
      issues: [{ file, line: 1, message: 'front matter is not closed by a "---" line' }],
    };
  }
  // Front matter text begins on line 2 of the file, hence an offset of 1.
  const parsed = parseYamlFile(file, lines.slice(1, end).join('\n'), 1);
  return {
    markdown: { file, frontMatter: parsed.yaml, body: lines.slice(end + 1).join('\n'), bodyStartLine: end + 2 },
    issues: parsed.issues,
  };
}

/** A match of a pattern in text, with its 1-based line. */
export interface TextMatch {
  match: RegExpExecArray;
  line: number;
}

/** Finds every match of a global pattern, with line numbers counted from `firstLine`. */
export function findAll(text: string, pattern: RegExp, firstLine = 1): TextMatch[] {
  const found: TextMatch[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const match of lineText.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      found.push({ match: match as RegExpExecArray, line: firstLine + index });
    }
  });
  return found;
}
