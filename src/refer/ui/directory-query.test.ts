import { describe, expect, test } from 'vitest';
import { emptyDirectoryQuery, findInvalidFields, formatDirectoryQuery, isEmptyQuery, parseDirectoryQuery, toSearchApiQuery } from './directory-query.ts';

describe('directory search in the address', () => {
  test('a search round-trips through the page address', () => {
    const query = { ...emptyDirectoryQuery, text: 'legal aid', category: 'immigration-legal', language: 'es', age: '16', gender: 'female' as const, minors: true, openNow: true, postalCode: '77002', radiusKm: '40', page: 3 };
    const search = formatDirectoryQuery(query);
    expect(search).toBe('text=legal+aid&category=immigration-legal&language=es&age=16&postalCode=77002&radiusKm=40&gender=female&minors=true&openNow=true&page=3');
    expect(parseDirectoryQuery(`?${search}`)).toEqual(query);
  });

  test('unknown or malformed parameters fall back to empty values', () => {
    expect(parseDirectoryQuery('?gender=robot&page=-2&minors=yes&surprise=1')).toEqual(emptyDirectoryQuery);
    expect(isEmptyQuery({ ...emptyDirectoryQuery, page: 4 })).toBe(true);
    expect(isEmptyQuery({ ...emptyDirectoryQuery, free: true })).toBe(false);
  });

  test('values the API would refuse are caught before sending', () => {
    expect(findInvalidFields({ ...emptyDirectoryQuery, age: '12a', postalCode: '7700', radiusKm: '0' })).toEqual(['age', 'postalCode', 'radiusKm']);
    expect(findInvalidFields({ ...emptyDirectoryQuery, age: '130', postalCode: '77002-1234', radiusKm: '12.5' })).toEqual([]);
  });

  test('the API query pages by offset and sends a radius only with a postal code', () => {
    expect(toSearchApiQuery({ ...emptyDirectoryQuery, text: ' shelter ', radiusKm: '10', page: 2 }, 20)).toBe('text=shelter&limit=20&offset=20');
    expect(toSearchApiQuery({ ...emptyDirectoryQuery, postalCode: '77002', radiusKm: '10', free: true }, 20)).toBe('free=true&postalCode=77002&radiusKm=10&limit=20&offset=0');
  });
});
