/**
 * @module Two pages that render one Questionnaire, served from 127.0.0.1 for Chromium: Lantern's
 * renderer (src/recognize/ui/standalone-renderer.tsx, built with Vite as the app is) and NLM
 * LHC-Forms (its prebuilt bundle, loaded in the order its docs give). Used by the LHC-Forms parity
 * test (e2e/recognize-lforms.e2e.test.ts) and the render benchmark (bench/recognize-render.ts).
 * Each page sets `window.__interactiveAt` (ms since navigation start) once the form has an input.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { ensureLforms } from '../test/support/lforms.ts';

const projectRoot = resolve(import.meta.dirname, '..');

/** The JavaScript a page loads, in the order it loads it. */
export interface ShippedScripts {
  files: string[];
  bytes: number;
}

export interface RenderPages {
  url: string;
  lantern: ShippedScripts;
  lforms: ShippedScripts;
  /** Path of the page rendering `questionnaire` with Lantern (language: a BCP 47 tag). */
  lanternPage(questionnaireId: string, language?: string): string;
  lformsPage(questionnaireId: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };

/** Builds Lantern's standalone renderer into a temporary folder; returns the folder. */
async function buildLanternRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'lantern-renderer-'));
  await build({
    configFile: false, root: projectRoot, logLevel: 'error', publicDir: false, plugins: [react()],
    build: {
      outDir, emptyOutDir: true, sourcemap: false, minify: true, cssCodeSplit: false,
      rollupOptions: {
        input: join(projectRoot, 'src/recognize/ui/standalone-renderer.tsx'),
        output: { entryFileNames: 'lantern-renderer.js', chunkFileNames: '[name]-[hash].js', assetFileNames: 'lantern-renderer[extname]' },
      },
    },
  });
  return outDir;
}

function sizeOf(files: string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

const escapeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const READY_SCRIPT = `
  const started = performance.now();
  await new Promise((done) => {
    const check = () => document.querySelector('#form input') ? done() : requestAnimationFrame(check);
    check();
  });
  window.__interactiveAt = performance.now();
  window.__renderMs = window.__interactiveAt - started;`;

/** Starts the static server with both pages for these Questionnaires. */
export async function startRenderPages(questionnaires: ReadonlyMap<string, fhir4.Questionnaire>): Promise<RenderPages> {
  const lanternDir = await buildLanternRenderer();
  const lformsDir = ensureLforms();
  const lanternJs = readdirSync(lanternDir).filter((f) => f.endsWith('.js')).map((f) => join(lanternDir, f));
  const lformsJs = ['webcomponent/assets/lib/zone.min.js', 'webcomponent/runtime.js', 'webcomponent/polyfills.js', 'webcomponent/main.js', 'fhir/R4/lformsFHIR.min.js']
    .map((f) => join(lformsDir, f));
  const hasLanternCss = readdirSync(lanternDir).includes('lantern-renderer.css');

  const page = (title: string, head: string, body: string): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">${head}</head><body><main id="form"></main>${body}</body></html>`;

  const lanternHtml = (id: string, language: string): string => page(`Lantern: ${id}`,
    hasLanternCss ? '<link rel="stylesheet" href="/lantern/lantern-renderer.css">' : '',
    `<script id="q" type="application/json">${escapeJson(questionnaires.get(id))}</script>
<script type="module" src="/lantern/lantern-renderer.js"></script>
<script type="module">
  const q = JSON.parse(document.getElementById('q').textContent);
  window.lanternRenderer.render(q, document.getElementById('form'), ${JSON.stringify(language)}, 'all');
  ${READY_SCRIPT}
</script>`);

  const lformsHtml = (id: string): string => page(`LHC-Forms: ${id}`,
    '<link rel="stylesheet" href="/lforms/webcomponent/styles.css">',
    `<script id="q" type="application/json">${escapeJson(questionnaires.get(id))}</script>
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/runtime.js" type="module"></script>
<script src="/lforms/webcomponent/polyfills.js" type="module"></script>
<script src="/lforms/webcomponent/main.js" type="module"></script>
<script src="/lforms/fhir/R4/lformsFHIR.min.js" defer></script>
<script type="module">
  const q = JSON.parse(document.getElementById('q').textContent);
  await LForms.Util.addFormToPage(q, document.getElementById('form'), { fhirVersion: 'R4' });
  ${READY_SCRIPT}
</script>`);

  const serveFile = (root: string, relative: string, reply: (status: number, type: string, body: Buffer | string) => void): void => {
    const path = normalize(join(root, relative));
    if (!path.startsWith(root)) return reply(403, 'text/plain', 'no');
    try {
      reply(200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path));
    } catch {
      reply(404, 'text/plain', 'not found');
    }
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, type: string, body: Buffer | string): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const [, area, ...rest] = url.pathname.split('/');
    const id = url.searchParams.get('q') ?? '';
    if (area === 'lantern.html' && questionnaires.has(id)) return reply(200, TYPES['.html']!, lanternHtml(id, url.searchParams.get('lang') ?? 'en'));
    if (area === 'lforms.html' && questionnaires.has(id)) return reply(200, TYPES['.html']!, lformsHtml(id));
    if (area === 'lantern') return serveFile(lanternDir, rest.join('/'), reply);
    if (area === 'lforms') return serveFile(lformsDir, rest.join('/'), reply);
    return reply(404, 'text/plain', 'not found');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    lantern: { files: lanternJs, bytes: sizeOf(lanternJs) },
    lforms: { files: lformsJs, bytes: sizeOf(lformsJs) },
    lanternPage: (id, language = 'en') => `/lantern.html?q=${encodeURIComponent(id)}&lang=${encodeURIComponent(language)}`,
    lformsPage: (id) => `/lforms.html?q=${encodeURIComponent(id)}`,
    close: async () => {
      await new Promise<void>((closed) => server.close(() => closed()));
      rmSync(lanternDir, { recursive: true, force: true });
    },
  };
}
