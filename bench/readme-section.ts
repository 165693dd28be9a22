import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const README = resolve(__dirname, 'README.md');

/**
 * Replaces this bench's «## heading» section of bench/README.md with `section` (or appends it), leaving the
 * other benches' sections as they are. Called by a bench run with `--write`.
 */
export function writeReadmeSection(heading: string, section: string): void {
  const current = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n\n';
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(README, next.endsWith('\n') ? next : `${next}\n`);
}
