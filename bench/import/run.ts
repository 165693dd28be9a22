import { writeReadmeSection } from '../readme-section';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlanText } from '../../libs/domain/src/import/import-plan';
import { FIXTURE_FILES, PLAN_FIXTURES } from '../../libs/domain/src/import/plan-fixtures.testing';
import { syntheticPlan } from './synthetic-plan';

// Usage: node -r @swc-node/register bench/import/run.ts [--write]   (--write updates «## import» in bench/README.md)

interface Measurement {
  name: string;
  events: number;
  medianMs: number;
  runs: number;
}

function measure(name: string, text: string, runs: number): Measurement {
  let events = 0;
  for (let i = 0; i < 5; i++) events = importPlanText(text).plan.sections.reduce((n, s) => n + s.events.length, 0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    importPlanText(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, events, medianMs: times[Math.floor(times.length / 2)], runs };
}

const fixtures = Object.values(FIXTURE_FILES).map((file) => measure(file, readFileSync(join(PLAN_FIXTURES, file), 'utf8'), 200));
const synthetic = [200, 1000, 2000].map((n) => measure(`synthetic ${n}`, syntheticPlan(n), n >= 1000 ? 20 : 50));

const row = (m: Measurement) =>
  `| ${m.name} | ${m.events} | ${m.medianMs.toFixed(2)} | ${((m.medianMs / m.events) * 1000).toFixed(1)} | ${m.runs} |`;
const section = [
  '## import',
  '',
  `\`node -r @swc-node/register bench/import/run.ts --write\` — \`importPlanText\` (text → ImportedPlanFile, deadlines via parseSchedule), median of N runs after 5 warm-up runs; Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Target: under 50 ms per real plan.`,
  '',
  '| input | events | median, ms | µs per event | runs |',
  '|---|---:|---:|---:|---:|',
  ...fixtures.map(row),
  ...synthetic.map(row),
  '',
].join('\n');
process.stdout.write(`${section}\n`);

if (process.argv.includes('--write')) writeReadmeSection('import', section);
