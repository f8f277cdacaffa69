/**
 * `node bin/run-ts.mjs bench/respond-protocol-throughput.ts [--seconds 2] [--repeats 5] [--json]`:
 * protocol evaluation throughput. Builds the encounter of every case in the shipped suite
 * (content/protocols/default.cases.yaml, screens scored by the real instruments), then evaluates the
 * default protocol over them in a loop for a fixed time, alternating with a trivial baseline
 * function over the same contexts in the same process, and reports the medians in cases per second.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadDefaultProtocol, evaluateProtocol, type EncounterContext } from '../src/respond/protocol.ts';
import { loadShippedReference, withJurisdictions } from '../src/respond/jurisdictions.ts';
import { parseProtocolCases } from '../src/respond/protocol-cases.ts';
import { resolveCaseIndicators, resolveCaseScreen } from '../src/respond/case-screening.ts';
import { shippedScreeningEngine } from '../src/respond/protocol-test-command.ts';
import { median } from './harness.ts';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

/** The encounter each shipped case describes, as the protocol test runner builds it. */
function suiteContexts(): { contexts: EncounterContext[]; reference: ReturnType<typeof loadShippedReference> } {
  const parsed = parseProtocolCases(readFileSync(new URL('../content/protocols/default.cases.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('content/protocols/default.cases.yaml is invalid');
  const engine = shippedScreeningEngine();
  const shipped = loadShippedReference();
  const reference = parsed.suite.jurisdictions ? { ...shipped, jurisdictions: withJurisdictions(shipped.jurisdictions, parsed.suite.jurisdictions) } : shipped;
  const contexts: EncounterContext[] = [];
  for (const c of parsed.suite.cases) {
    const encounter = { interpreterNeeded: false, confidentialityExplained: true, ...c.encounter };
    const screen = resolveCaseScreen(c.screen, encounter, engine);
    if (!screen.ok) continue;
    const indicators = c.indicators ? resolveCaseIndicators(c.indicators, engine) : undefined;
    contexts.push({
      ...encounter,
      ...(indicators?.ok ? { indicatorsPresent: indicators.present } : {}),
      ageYears: c.patient?.ageYears, screen: screen.result, choices: c.choices,
      finding: c.finding ? { status: c.finding.status, type: c.finding.type } : undefined,
    });
  }
  return { contexts, reference };
}

/** Calls `evaluate` over the contexts round and round for `seconds`; returns evaluations per second. */
function measure(contexts: EncounterContext[], evaluate: (context: EncounterContext) => unknown[], seconds: number): number {
  let evaluations = 0;
  let sink = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (const context of contexts) sink += evaluate(context).length;
    evaluations += contexts.length;
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the results alive
  return evaluations / seconds;
}

const seconds = argument('seconds', 2);
const repeats = argument('repeats', 5);
const { contexts, reference } = suiteContexts();
const protocol = loadDefaultProtocol();
const lantern = (context: EncounterContext): unknown[] => evaluateProtocol(protocol, context, reference);
// The least a protocol engine could do: one comparison per step, no conditions, no contacts.
const baseline = (context: EncounterContext): unknown[] => protocol.steps.filter((step) => context.screen !== 'negative' || step.action !== 'offer-hotline');

measure(contexts, lantern, 0.5);
measure(contexts, baseline, 0.5);
const ours: number[] = [];
const theirs: number[] = [];
for (let i = 0; i < repeats; i += 1) {
  theirs.push(measure(contexts, baseline, seconds));
  ours.push(measure(contexts, lantern, seconds));
  process.stderr.write(`  run ${i + 1}: evaluateProtocol ${Math.round(ours[i]!)} cases/s · baseline ${Math.round(theirs[i]!)} cases/s\n`);
}
const result = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  cases: contexts.length, steps: protocol.steps.length, seconds, repeats,
  evaluateProtocol: Math.round(median(ours)), baseline: Math.round(median(theirs)),
  microsecondsPerCase: Number((1e6 / median(ours)).toFixed(2)),
};
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(`${result.machine}; ${result.cases} cases from the shipped suite, ${result.steps} protocol steps, ${repeats} × ${seconds} s\n`);
  process.stdout.write(`| function | cases/s (median) | µs per case |\n|---|---|---|\n`);
  process.stdout.write(`| evaluateProtocol (default protocol) | ${result.evaluateProtocol} | ${result.microsecondsPerCase} |\n`);
  process.stdout.write(`| trivial baseline (filter steps) | ${result.baseline} | ${(1e6 / median(theirs)).toFixed(2)} |\n`);
}
