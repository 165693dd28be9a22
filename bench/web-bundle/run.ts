import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeReadmeSection } from '../readme-section';

// Usage: node -r @swc-node/register bench/web-bundle/run.ts [--no-build] [--json] [--write]
//   builds the web client (npm run build:web) unless --no-build; prints what each screen loads as a Markdown table,
//   or one JSON object per screen with --json; --write updates «## web bundle» in bench/README.md.

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'services', 'web', 'dist');
/** Target of issue 9: the first screen under 300 KB gzipped. */
const FIRST_SCREEN_LIMIT_KB = 300;

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The screens as the client's router loads them: the shell (entry) plus the page's own chunk and what it imports. */
const SCREENS: [name: string, source: string | null][] = [
  ['sign-in (shell only)', null],
  ['Мои задачи — first screen after sign-in', 'src/pages/tasks/TasksPage.tsx'],
  ['plans list', 'src/pages/plans/PlansPage.tsx'],
  ['plan import', 'src/pages/plans/PlanImportPage.tsx'],
  ['plan page and editor', 'src/pages/plan/PlanPage.tsx'],
  ['orders list', 'src/pages/orders/OrdersPage.tsx'],
  ['order card', 'src/pages/order/OrderPage.tsx'],
  ['reporter’s reports', 'src/pages/reports/ReportsPage.tsx'],
  ['monitoring', 'src/pages/monitoring/MonitoringPage.tsx'],
  ['registration journal', 'src/pages/journal/JournalPage.tsx'],
  ['organizations (admin)', 'src/pages/admin/OrganizationsPage.tsx'],
];

/** Every file a chunk needs before it runs: itself, its static imports (recursively) and their styles. */
function closure(manifest: Manifest, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, files);
  return files;
}

function measure(files: Set<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)!;
const rows = SCREENS.map(([screen, source]) => {
  const files = closure(manifest, entry, new Set([...(source ? closure(manifest, source) : [])]));
  return { screen, ...measure(files) };
});

if (process.argv.includes('--json')) {
  for (const row of rows) process.stdout.write(`${JSON.stringify({ bench: 'web-bundle', ...row, limitKb: FIRST_SCREEN_LIMIT_KB })}\n`);
} else {
  const first = rows[1];
  const section = [
    '## web bundle',
    '',
    `\`node -r @swc-node/register bench/web-bundle/run.ts --write\` — the web client built by Vite (\`npm run build:web\`), each screen measured as the browser loads it on a fresh visit: the shell (entry chunk, React, Gravity UI's core, styles) plus the screen's own lazily loaded chunk and what it imports, from \`dist/.vite/manifest.json\`; gzip level 9 of each file. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Target: the first screen under ${FIRST_SCREEN_LIMIT_KB} KB gzipped.`,
    '',
    '| screen | files | raw, KB | gzipped, KB |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.screen} | ${r.files} | ${r.rawKb} | ${r.gzipKb} |`),
    '',
    `First screen after sign-in: **${first.gzipKb} KB gzipped** (${first.gzipKb <= FIRST_SCREEN_LIMIT_KB ? 'under' : 'OVER'} the ${FIRST_SCREEN_LIMIT_KB} KB target). Hashed files are kept by browsers for a year (the gateway marks them immutable), so a later visit loads only a changed screen's chunk. The gateway sends them uncompressed today; the gzipped figure is what a compressing proxy in front of it serves.`,
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (process.argv.includes('--write')) writeReadmeSection('web bundle', section);
}
