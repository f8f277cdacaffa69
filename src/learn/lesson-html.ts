/**
 * @module Course Markdown to HTML for exported packages, which must show lessons with no server
 * and no library at run time. It covers the subset content/courses/README.md allows: headings,
 * paragraphs, bullet lists, tables, **bold**, *emphasis*, links, and footnote markers `[^n]`.
 * Everything is escaped first, so course text can never inject markup.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inline Markdown: escape, then bold, emphasis, links (http/https only) and footnote markers. */
export function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/\[([^\]^][^\]]*)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" rel="noopener noreferrer" target="_blank">$1</a>')
    .replace(/\[\^(\d+)\]/g, '<sup class="fn"><a href="#fn-$1" aria-label="source $1">$1</a></sup>');
}

/** Block Markdown to HTML. `headingOffset` shifts heading levels (## in a lesson under the page's h1). */
export function markdownToHtml(markdown: string, headingOffset = 0): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  let table: string[][] | null = null;

  const flush = (): void => {
    if (paragraph.length) out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) out.push(`<ul>${list.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`);
    list = null;
    if (table) out.push(tableHtml(table));
    table = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(6, heading[1]!.length + headingOffset);
      out.push(`<h${level}>${inlineHtml(heading[2]!)}</h${level}>`);
    } else if (line.trimStart().startsWith('|')) {
      if (!table) flush();
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) (table ??= []).push(cells);
    } else if (bullet) {
      if (!list) flush();
      (list ??= []).push(bullet[1]!);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // A continuation line of the list item above.
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list || table) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}

function tableHtml(rows: string[][]): string {
  const [head, ...body] = rows;
  const headHtml = head ? `<thead><tr>${head.map((c) => `<th scope="col">${inlineHtml(c)}</th>`).join('')}</tr></thead>` : '';
  return `<table>${headHtml}<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
