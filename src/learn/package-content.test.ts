import { describe, expect, test } from 'vitest';
import { shippedCatalog } from './course-catalog.ts';
import { buildPackageCourse } from './package-content.ts';

describe('the package player words', () => {
  test('come from the catalog of the package language, with the slots the player fills left in place', async () => {
    const course = (await shippedCatalog()).get('lantern-essentials')!;
    const spanish = buildPackageCourse(course, 'es').labels;
    expect(spanish.page).toBe('Página {n} de {total}');
    expect(spanish.score).toBe('Su puntuación: {score}% (nota mínima {passMark}%).');
    expect(spanish.attemptsLeft).toBe('Intentos restantes: {n}.');
    expect(spanish.previous).toBe('Anterior');
    const english = buildPackageCourse(course, 'en').labels;
    expect(english.page).toBe('Page {n} of {total}');
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    expect(Object.values(english).every((text) => text.length > 0 && !text.startsWith('learn.'))).toBe(true);
  });
});
