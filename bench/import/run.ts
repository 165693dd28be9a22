import { writeReadmeSection } from '../readme-section';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { docxFromText } from '../../libs/domain/src/import/docx-from-text.testing';
import { importPlanDocx, importPlanPdf, importPlanText, importPlanXlsx } from '../../libs/domain/src/import/import-plan';
import type { ImportedPlanFile } from '../../libs/domain/src/import/imported-plan.types';
import { FIXTURE_FILES, PLAN_FIXTURES, readFixture } from '../../libs/domain/src/import/plan-fixtures.testing';
import { xlsxFromText } from '../../libs/domain/src/import/xlsx-from-text.testing';
import { renderOrderPdf } from '../../libs/pdf/src/order-pdf';
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

/** The same plan in each format the import reads: what the reading of the format itself costs. */
async function measureFormat(name: string, bytes: number, read: () => Promise<ImportedPlanFile>, runs: number): Promise<Measurement & { bytes: number }> {
  let events = 0;
  for (let i = 0; i < 5; i++) events = (await read()).plan.sections.reduce((n, s) => n + s.events.length, 0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await read();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, events, medianMs: times[Math.floor(times.length / 2)], runs, bytes };
}

async function formats(): Promise<Array<Measurement & { bytes: number }>> {
  const text = readFixture('tver');
  const docx = await docxFromText(text);
  const xlsx = await xlsxFromText(text);
  const source = importPlanText(text);
  const pdf = await renderOrderPdf({ document: source.document, plan: source.plan, options: { draft: true } });
  return [
    await measureFormat('Tver, text (.txt)', Buffer.byteLength(text), async () => importPlanText(text), 100),
    await measureFormat('Tver, Word (.docx)', docx.length, () => importPlanDocx(docx), 50),
    await measureFormat('Tver, Excel (.xlsx)', xlsx.length, () => importPlanXlsx(xlsx), 50),
    await measureFormat('Tver, PDF with a text layer', pdf.length, () => importPlanPdf(pdf), 10),
  ];
}

const fixtures = Object.values(FIXTURE_FILES).map((file) => measure(file, readFileSync(join(PLAN_FIXTURES, file), 'utf8'), 200));
const synthetic = [200, 1000, 2000].map((n) => measure(`synthetic ${n}`, syntheticPlan(n), n >= 1000 ? 20 : 50));

const row = (m: Measurement) =>
  `| ${m.name} | ${m.events} | ${m.medianMs.toFixed(2)} | ${((m.medianMs / m.events) * 1000).toFixed(1)} | ${m.runs} |`;
const byFormat = (m: Measurement & { bytes: number }) => `| ${m.name} | ${(m.bytes / 1024).toFixed(0)} | ${m.events} | ${m.medianMs.toFixed(2)} | ${m.runs} |`;

void formats().then((perFormat) => {
const section = [
  '## import',
  '',
  `\`node -r @swc-node/register bench/import/run.ts --write\` — \`importPlanText\` (text → ImportedPlanFile, deadlines via parseSchedule), median of N runs after 5 warm-up runs; Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} on the machine at the end of the run. Target: under 50 ms per real plan.`,
  '',
  '| input | events | median, ms | µs per event | runs |',
  '|---|---:|---:|---:|---:|',
  ...fixtures.map(row),
  ...synthetic.map(row),
  '',
  'Per format, the Tver order 1083/ПК built as the ministry would keep it (`docxFromText`, `xlsxFromText`: one table, headings merged across it; the PDF as `renderOrderPdf` publishes it, 11 pages), read by `importPlanText` / `importPlanDocx` / `importPlanXlsx` / `importPlanPdf` on the calling thread:',
  '',
  '| input | KB | events | median, ms | runs |',
  '|---|---:|---:|---:|---:|',
  ...perFormat.map(byFormat),
  '',
].join('\n');
process.stdout.write(`${section}\n`);

if (process.argv.includes('--write')) writeReadmeSection('import', section);
});
