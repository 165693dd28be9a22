/**
 * Document rendering benchmark: `taskset -c 0 node -r @swc-node/register bench/documents/run.ts [--runs N]`.
 * Each measurement is an entry of MEASUREMENTS: rendering, rendering and signing, and LibreOffice converting
 * a .docx of the same order, all in one run so the figures share the machine's state.
 */
import { renderOrderPdf } from '@eduplan/pdf';
import { certificateStampInfo, createDevCertificates, createPdfSigner, loadPkcs12File } from '@eduplan/signing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadFixtureOrder } from '../../libs/pdf/src/test-support/fixture-plans';
import { orderDocx } from './order-docx';

const run = promisify(execFile);

interface Measurement {
  name: string;
  /** Runs before timing starts; in-process rendering needs a few for the JIT to settle, as in a long-running service. */
  warmUps?: number;
  /** Fewer runs for slow ones. */
  maxRuns?: number;
  /** One unit of work: the pages produced and, for an external program, its own peak RSS in KiB. */
  run(): Promise<{ pages: number; childMaxRssKb?: number }>;
}

interface Result {
  name: string;
  runs: number;
  pages: number;
  medianMs: number;
  pagesPerSecond: number;
  peakRssMb: number;
}

const tver = loadFixtureOrder('tver');
const QR = 'https://eduplan.example/verify/5b0d7c1e-1083-4c2a-9f1e-0a6c1e2f1083';
const work = mkdtempSync(join(tmpdir(), 'eduplan-bench-documents-'));

async function measurements(): Promise<Measurement[]> {
  const certificates = await createDevCertificates(join(work, 'certificates'));
  const credentials = await loadPkcs12File(certificates.people[0].files.RSA.pkcs12!, 'eduplan-dev');
  const signer = createPdfSigner(credentials);
  const signatureStamp = certificateStampInfo(credentials.certificatePem);
  const render = () => renderOrderPdf({ document: tver.document, plan: tver.plan, options: { draft: false, qrPayload: QR, signatureStamp } });
  const docx = join(work, 'tver-1083-pk.docx');
  writeFileSync(docx, await orderDocx(tver));
  const list: Measurement[] = [
    {
      name: 'render Tver order 1083/ПК (order + landscape appendix, signature mark, QR)',
      run: async () => ({ pages: countPages(await render()) }),
    },
    {
      name: 'render and sign (RSA-2048, PAdES) Tver order 1083/ПК',
      run: async () => {
        const pdf = await render();
        await signer.sign(pdf);
        return { pages: countPages(pdf) }; // the signature's incremental update rewrites page 1; count the rendered pages
      },
    },
  ];
  if (hasLibreOffice()) {
    list.push({
      name: 'LibreOffice: .docx of the same order → PDF (libreoffice --headless --convert-to pdf)',
      maxRuns: 5,
      warmUps: 1,
      run: () => convertWithLibreOffice(docx),
    });
  } else {
    console.log('LibreOffice not found: apt-get install -y libreoffice-writer-nogui (the comparison row is left out)');
  }
  return list;
}

function hasLibreOffice(): boolean {
  try {
    execFileSync('libreoffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A cold conversion each time, as a server would run it; GNU time reports the office process's peak RSS. */
async function convertWithLibreOffice(docx: string): Promise<{ pages: number; childMaxRssKb: number }> {
  const profile = `-env:UserInstallation=file://${join(work, 'libreoffice-profile')}`;
  const { stderr } = await run('/usr/bin/time', ['-f', 'maxrss=%M', 'libreoffice', profile, '--headless', '--convert-to', 'pdf', '--outdir', work, docx]);
  const pdf = readFileSync(docx.replace(/\.docx$/, '.pdf'));
  return { pages: countPages(pdf), childMaxRssKb: Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0) };
}

function countPages(pdf: Buffer): number {
  // One /Type /Page object per page (and /Type /Pages for the tree), with or without the space.
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(measurement: Measurement, requestedRuns: number): Promise<Result> {
  const runs = Math.min(requestedRuns, measurement.maxRuns ?? requestedRuns);
  // Warm-up: font parsing, JIT, LibreOffice's first-start profile are not what we measure.
  for (let i = 0; i < (measurement.warmUps ?? 5); i++) await measurement.run();
  const times: number[] = [];
  let pages = 0;
  let peakRss = process.memoryUsage().rss;
  let childPeakKb = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const outcome = await measurement.run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    pages = outcome.pages;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    childPeakKb = Math.max(childPeakKb, outcome.childMaxRssKb ?? 0);
  }
  const medianMs = median(times);
  return {
    name: measurement.name,
    runs,
    pages,
    medianMs: Math.round(medianMs),
    pagesPerSecond: Math.round((pages / medianMs) * 1000 * 10) / 10,
    peakRssMb: Math.round((childPeakKb ? childPeakKb * 1024 : peakRss) / 1024 / 1024),
  };
}

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
  const results: Result[] = [];
  for (const measurement of await measurements()) results.push(await measure(measurement, runs));
  console.table(results);
  const [, signed, libreOffice] = results;
  if (libreOffice) console.log(`render+sign is ${(libreOffice.medianMs / signed.medianMs).toFixed(1)}× faster than LibreOffice`);
  // resourceUsage().maxRSS is the kernel's high-water mark for the whole process, in KiB.
  console.log(`node process max RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; node ${process.version}; CPUs allowed: ${cpus()}`);
}

function cpus(): string {
  return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '?';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
