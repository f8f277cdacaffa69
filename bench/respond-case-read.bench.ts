/**
 * A case timeline read under load: a clinician's integration reads one case (GET /api/cases/{id})
 * with an API token. Each request resolves the token, checks the policy, reads the case, its
 * actions, tasks, notes and events, opens every sealed field (AES-256-GCM) and appends an audit
 * event — the full cost of showing the case page.
 */
import type { Benchmark } from './harness.ts';

const caseRead: Benchmark = async (context) => {
  const token = await context.token('clinician');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const opened = await fetch(`${context.url}/api/cases`, {
    method: 'POST', headers,
    body: JSON.stringify({
      source: 'screen',
      context: {
        ageYears: 16, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true,
        immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency', choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false },
      },
    }),
  });
  if (opened.status !== 201) throw new Error(`opening the benchmark case answered ${opened.status} ${await opened.text()}`);
  const record = await opened.json() as { id: string; actions: { id: string }[] };
  // A realistic timeline: some steps settled, a task and two notes.
  await fetch(`${context.url}/api/cases/${record.id}/actions/${record.actions[0]!.id}`, { method: 'POST', headers, body: JSON.stringify({ status: 'done' }) });
  await fetch(`${context.url}/api/cases/${record.id}/actions/${record.actions[1]!.id}`, { method: 'POST', headers, body: JSON.stringify({ status: 'skipped', reason: 'Not safe today' }) });
  await fetch(`${context.url}/api/cases/${record.id}/notes`, { method: 'POST', headers, body: JSON.stringify({ body: 'Follow-up visit booked.', sensitive: false }) });
  await fetch(`${context.url}/api/cases/${record.id}/notes`, { method: 'POST', headers, body: JSON.stringify({ body: 'Safety plan agreed.', sensitive: true }) });
  return {
    title: 'GET /api/cases/{id} with a bearer token (clinician; 8 actions, 2 notes)',
    request: { method: 'GET', path: `/api/cases/${record.id}`, headers: { authorization: `Bearer ${token}` } },
    p99RatioGoal: 3,
  };
};

export default caseRead;
