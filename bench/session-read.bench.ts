/**
 * The lightest authenticated read: a signed-in clinician's browser asks who it is (GET /api/session
 * with the session cookie). It measures sign-in state, roles and policy with no audited write,
 * so set beside platform-read it shows what the audit append costs.
 */
import { TEST_PASSWORD } from '../test/support/actors.ts';
import type { Benchmark } from './harness.ts';

const sessionRead: Benchmark = async (context) => {
  const res = await fetch(`${context.url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: context.organization.users.clinician.email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`signing in for the benchmark answered ${res.status} ${await res.text()}`);
  const cookie = /lantern_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('signing in set no session cookie');
  return {
    title: 'GET /api/session with a session cookie (clinician)',
    request: { method: 'GET', path: '/api/session', headers: { cookie: `lantern_session=${cookie}` } },
    p99RatioGoal: 2,
  };
};

export default sessionRead;
