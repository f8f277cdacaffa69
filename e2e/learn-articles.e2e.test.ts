/**
 * Resource articles and their moderated discussion in real Chromium against a real server,
 * keyboard only: staff comment on an article; nobody else sees the comment until an educator
 * approves it; an educator removes another with a reason, which only its author sees. axe-core on
 * every page, in English and in Spanish.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { activate, expectAccessible, expectHeading, signInWithKeyboard, tabTo } from './respond-support.ts';
import { loadArticles, type ArticleLibrary } from '../src/learn/article-content.ts';

let server: LanternProcess;
let articles: ArticleLibrary;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startLanternProcess();
  articles = loadArticles();
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
});

interface Words {
  language: 'en' | 'es';
  resources: string;
  submit: string;
  sent: string;
  pending: string;
  none: string;
  queueTitle: string;
  approve: string;
  approved: string;
  startRemove: string;
  removed: string;
  removedMark: string;
  reason: (text: string) => string;
}

const english: Words = {
  language: 'en', resources: 'Resources', submit: 'Send for approval', sent: 'Sent. Others will see it once it is approved.',
  pending: 'waiting for approval, only you see it', none: 'No comments yet.', queueTitle: 'Comments waiting for approval',
  approve: 'Approve', approved: 'Comment approved.', startRemove: 'Remove…', removed: 'Comment removed.', removedMark: 'removed by a moderator',
  reason: (text) => `Reason: ${text}`,
};
const spanish: Words = {
  language: 'es', resources: 'Recursos', submit: 'Enviar para aprobación', sent: 'Enviado. Los demás lo verán cuando se apruebe.',
  pending: 'pendiente de aprobación, solo usted lo ve', none: 'Todavía no hay comentarios.', queueTitle: 'Comentarios pendientes de aprobación',
  approve: 'Aprobar', approved: 'Comentario aprobado.', startRemove: 'Retirar…', removed: 'Comentario retirado.', removedMark: 'retirado por un moderador',
  reason: (text) => `Motivo: ${text}`,
};

/** A browser signed in as a demo user, switched to Spanish when asked (the choice is saved on the user). */
async function signIn(role: string, words: Words): Promise<Page> {
  const browser = await launchChromium();
  browsers.push(browser);
  const { page } = browser;
  const name = `Demo ${role.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')}`;
  await signInWithKeyboard(page, server.url, `${role}@demo.example.org`, new RegExp(`(Welcome|Hola), ${name}`));
  if (words.language === 'es' && await page.locator('html[lang="es"]').count() === 0) {
    await tabTo(page, { text: 'Language' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await expectHeading(page, `Hola, ${name}`);
  }
  return page;
}

/** From anywhere in the app, by keyboard: the resources page. */
async function openResources(page: Page, words: Words): Promise<void> {
  await activate(page, { text: words.resources });
  await expectHeading(page, words.resources);
  await page.locator('.cards .card').first().waitFor();
}

/** From the resources page, by keyboard: the article, with its discussion loaded. */
async function openArticle(page: Page, words: Words, id: string): Promise<void> {
  const title = articles.get(id, words.language).title;
  await activate(page, { text: title });
  await expectHeading(page, title);
  await page.locator('#comments-title').waitFor();
}

/** Loads the page again (as someone coming back later) and waits for the discussion. */
async function revisit(page: Page): Promise<void> {
  await page.reload();
  await page.locator('#comments-title').waitFor();
}

async function writeComment(page: Page, words: Words, text: string): Promise<void> {
  await tabTo(page, { id: 'comment-body' });
  await page.keyboard.type(text);
  await activate(page, { text: words.submit });
  await page.locator('[role="status"]', { hasText: words.sent }).waitFor();
  await page.locator('li.card', { hasText: text }).filter({ hasText: words.pending }).waitFor();
  await expectAccessible(page);
}

const commentCard = (page: Page, text: string) => page.locator('#comments-title ~ ul li.card', { hasText: text });

/** The educator's queue on the resources page, showing `text`. */
async function openQueue(page: Page, words: Words, text: string): Promise<void> {
  // Already on the page: load it again, as the link to the same page does not reload the queue.
  if (new URL(page.url()).pathname === '/resources') await page.reload();
  else await openResources(page, words);
  await page.locator('#moderation-title', { hasText: words.queueTitle }).waitFor();
  await page.locator('section[aria-labelledby="moderation-title"] li.card', { hasText: text }).waitFor();
  await expectAccessible(page);
}

async function runDiscussion(words: Words, roles: { author: string; other: string }, tag: string): Promise<void> {
  const articleId = articles.ids[0]!;
  const kept = `${tag}: asking about the separation script helped at triage today.`;
  const dropped = `${tag}: this one should not stay up.`;
  const reason = `${tag} off topic`;

  const author = await signIn(roles.author, words);
  await openResources(author, words);
  await expectAccessible(author);
  await openArticle(author, words, articleId);
  await writeComment(author, words, kept);

  // Not published: another member of staff sees nothing yet.
  const other = await signIn(roles.other, words);
  await openResources(other, words);
  await openArticle(other, words, articleId);
  expect(await commentCard(other, kept).count()).toBe(0);
  await expectAccessible(other);

  // The educator approves it from the queue, by keyboard.
  const educator = await signIn('educator', words);
  await openQueue(educator, words, kept);
  await activate(educator, { text: words.approve });
  await educator.locator('[role="status"]', { hasText: words.approved }).waitFor();
  // The status is shown before the queue reloads: wait for the approved comment to leave it.
  await educator.locator('section[aria-labelledby="moderation-title"] li.card', { hasText: kept }).waitFor({ state: 'detached' });
  await expectAccessible(educator);

  await revisit(other);
  await commentCard(other, kept).waitFor();
  expect(await commentCard(other, kept).filter({ hasText: words.pending }).count()).toBe(0);

  // A second comment, removed with a reason: gone for others, the author sees it was removed and why.
  await revisit(author);
  await writeComment(author, words, dropped);
  await openQueue(educator, words, dropped);
  await activate(educator, { text: words.startRemove });
  // The reason field takes focus when the removal form opens.
  await educator.keyboard.type(reason);
  await educator.keyboard.press('Enter');
  await educator.locator('[role="status"]', { hasText: words.removed }).waitFor();
  await expectAccessible(educator);

  await revisit(other);
  await commentCard(other, kept).waitFor();
  expect(await commentCard(other, dropped).count()).toBe(0);
  await revisit(author);
  const removed = commentCard(author, dropped);
  await removed.filter({ hasText: words.removedMark }).waitFor();
  expect(await removed.textContent()).toContain(words.reason(reason));
  await expectAccessible(author);
}

describe('moderated discussion on resource articles', () => {
  test('in English: a clinician comments, a social worker sees it only once approved; a removed comment shows its reason to its author', async () => {
    await runDiscussion(english, { author: 'clinician', other: 'social-worker' }, 'EN-1');
  }, 300_000);

  test('in Spanish: the same by keyboard, axe-clean', async () => {
    await runDiscussion(spanish, { author: 'learner', other: 'clinician' }, 'ES-1');
  }, 300_000);
});
