import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { claimJobRun, finishJobRun } from './claim.ts';

describe('job claims', () => {
  let lantern: TestLantern;
  beforeAll(async () => { lantern = await startTestLantern(); });
  afterAll(async () => { await lantern.close(); });

  test('of many simultaneous claims for one period, exactly one wins', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJobRun(lantern.platform.data.db, { job: 'race', period: '2026-11-28', claimant: `p${i}` })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const other = await claimJobRun(lantern.platform.data.db, { job: 'race', period: '2026-11-29', claimant: 'p0' });
    expect(other).toBe(true);
  });

  test('a stale unfinished claim is taken over once; a finished run never is', async () => {
    const db = lantern.platform.data.db;
    const start = new Date('2026-11-28T00:00:00Z');
    const later = new Date(start.getTime() + 7 * 3600_000);
    expect(await claimJobRun(db, { job: 'stale', period: 'p', claimant: 'dead', now: start })).toBe(true);
    expect(await claimJobRun(db, { job: 'stale', period: 'p', claimant: 'early', now: new Date(start.getTime() + 60_000), staleAfterMs: 3600_000 })).toBe(false);
    const takers = await Promise.all(['a', 'b', 'c'].map((claimant) => claimJobRun(db, { job: 'stale', period: 'p', claimant, now: later, staleAfterMs: 3600_000 })));
    expect(takers.filter(Boolean)).toHaveLength(1);

    expect(await claimJobRun(db, { job: 'done', period: 'p', claimant: 'x', now: start })).toBe(true);
    await finishJobRun(db, { job: 'done', period: 'p', claimant: 'x' }, { ok: true });
    expect(await claimJobRun(db, { job: 'done', period: 'p', claimant: 'y', now: later, staleAfterMs: 1 })).toBe(false);
  });
});
