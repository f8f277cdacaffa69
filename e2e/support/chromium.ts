/**
 * @module Launches Debian's Chromium (/usr/bin/chromium) through playwright-core: headless, no
 * sandbox, no background networking, a fresh profile folder per launch. It never downloads a
 * browser. Every request the pages make is recorded, so a test can assert none left 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** URLs requested outside 127.0.0.1 (should stay empty). */
  offsiteRequests: string[];
  close(): Promise<void>;
}

/** True for URLs that stay on this machine (or never touch the network). */
export function isLocalRequest(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return parsed.hostname === '127.0.0.1';
}

/** Launches Chromium with a fresh profile and one page. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'lantern-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const offsiteRequests: string[] = [];
  context.on('request', (request) => {
    if (!isLocalRequest(request.url())) offsiteRequests.push(request.url());
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    offsiteRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
