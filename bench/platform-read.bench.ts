/**
 * An authenticated API read: an admin lists the organization's users with an API token, so each
 * request resolves the token, loads the roles, checks the policy and reads the users table.
 */
import type { Benchmark } from './harness.ts';

const platformRead: Benchmark = async (context) => {
  const token = await context.token('admin');
  return {
    title: 'GET /api/users with a bearer token (admin)',
    request: { method: 'GET', path: '/api/users', headers: { authorization: `Bearer ${token}` } },
    p99RatioGoal: 2,
  };
};

export default platformRead;
