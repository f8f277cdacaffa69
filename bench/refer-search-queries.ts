/** The Refer search benchmark's fixed mix of searches (bench/refer-search.ts). */
import type { Static } from 'typebox';
import type { SearchQuery } from '../src/refer/directory-routes.ts';
import { createRandom } from '../src/refer/synthetic-random.ts';
import { syntheticCities } from '../src/refer/synthetic-places.ts';
import { serviceTemplates } from '../src/refer/synthetic-services.ts';

type Query = Static<typeof SearchQuery>;
export type Kind = 'text' | 'category' | 'postal' | 'open' | 'combined';
export const kinds: Kind[] = ['text', 'category', 'postal', 'open', 'combined'];

const words = ['shelter', 'legal', 'immigration', 'counseling', 'interpreter', 'trafficking', 'clinic', 'youth', 'crisis line', 'survivor support', 'health', 'dental'];

/** A fixed mix of searches: the same seed gives the same list. */
export function makeQueries(count: number, seed: number): { kind: Kind; query: Query }[] {
  const random = createRandom(`refer-search-${seed}`);
  const categories = [...new Set(serviceTemplates.flatMap((t) => t.categories))].sort();
  // Instants spread over one week, so open-now meets day and night in every time zone.
  const instant = (): string => new Date(Date.UTC(2026, 5, 1) + random.int(0, 7 * 96 - 1) * 15 * 60_000).toISOString();
  const out: { kind: Kind; query: Query }[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const city = random.pick(syntheticCities);
    if (kind === 'text') out.push({ kind, query: { text: random.pick(words) } });
    else if (kind === 'category') out.push({ kind, query: { category: random.pick(categories) } });
    else if (kind === 'postal') out.push({ kind, query: { postalCode: city.zip, radiusKm: random.pick([10, 25, 50]) } });
    else if (kind === 'open') out.push({ kind, query: { openAt: instant(), category: random.pick(categories) } });
    else out.push({ kind, query: { text: random.pick(words), postalCode: city.zip, radiusKm: 50, openAt: instant(), language: 'es' } });
  }
  return out;
}

