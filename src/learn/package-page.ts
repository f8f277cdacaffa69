/**
 * @module The one HTML file an exported package runs: markup, styles, the course's pages as JSON
 * and the player script, all inline, so the package needs nothing but the LMS at run time.
 */
import { escapeHtml } from './lesson-html.ts';
import type { PackageCourse } from './package-content.ts';
import { playerScript } from './player-script.ts';

const styles = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.55;color:#1b1b1b;background:#fff}
header,main,nav{max-width:46rem;margin:0 auto;padding:0 1rem}header h1{font-size:1.35rem;margin:1rem 0 .25rem}
#position{color:#555;margin:0 0 1rem}h2{font-size:1.25rem}h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}
fieldset{border:1px solid #bbb;border-radius:.4rem;margin:1rem 0;padding:.75rem}legend{font-weight:600;padding:0 .25rem}
.option{display:flex;gap:.5rem;align-items:flex-start;margin:.4rem 0}.option input{margin-top:.35rem;width:1.1rem;height:1.1rem}
button{font:inherit;padding:.55rem 1rem;min-height:2.75rem;border-radius:.4rem;border:1px solid #1f4e79;background:#1f4e79;color:#fff;cursor:pointer;margin:.25rem .25rem .25rem 0}
button:disabled{opacity:.5;cursor:default}button:focus-visible,input:focus-visible,a:focus-visible,h2:focus-visible{outline:3px solid #c55a11;outline-offset:2px}
.case-choice{display:block;width:100%;text-align:left;background:#fff;color:#1b1b1b}.feedback{border-left:4px solid #1f4e79;padding:.25rem .75rem;margin:.5rem 0}
.right::marker{content:"✓ "}.wrong::marker{content:"• "}.rating-unsafe{color:#8a1c1c}.rating-recommended{color:#11602e}
.scene.past{color:#444;border-left:3px solid #ddd;padding-left:.75rem}.sources{font-size:.9rem;color:#444;border-top:1px solid #ddd;margin-top:2rem}
.sources .url{word-break:break-all}nav{display:flex;justify-content:space-between;padding-bottom:2rem;margin-top:1rem}
sup.fn a{text-decoration:none}[data-role=result]{font-weight:600;margin:1rem 0}
`;

/** The package's index.html. */
export function renderPackagePage(course: PackageCourse): string {
  // JSON inside <script>: "<" is escaped so no text in the course can close the element.
  const json = JSON.stringify(course).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<!doctype html>
<html lang="${escapeHtml(course.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(course.title)}</title>
<style>${styles}</style>
</head>
<body>
<header><h1>${escapeHtml(course.title)}</h1><p id="position" aria-live="polite"></p></header>
<main id="page" tabindex="-1"></main>
<nav aria-label="${course.language.startsWith('es') ? 'Páginas' : 'Pages'}"><button type="button" id="prev"></button><button type="button" id="next"></button></nav>
<script type="application/json" id="course-data">${json}</script>
<script>${playerScript}</script>
</body>
</html>
`;
}
