import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deeplyNestedDocx, docxFromText, docxZipBomb, FIXTURE_FILES, PLAN_FIXTURES, readFixture } from '@eduplan/domain/testing';

const ROOT = resolve(__dirname, '../../../..');

function eduplan(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'libs/cli/src/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('eduplan import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eduplan-import-'));

  it('prints the imported plan as JSON', () => {
    const { code, stdout, stderr } = eduplan('import', join(PLAN_FIXTURES, FIXTURE_FILES.tver), '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const file = JSON.parse(stdout);
    expect(Object.keys(file)).toEqual(['document', 'plan', 'warnings']);
    expect(file.document).toMatchObject({ kind: 'prikaz', date: '2024-08-28', number: '1083/ПК', place: 'г. Тверь' });
    expect(file.plan.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(file.plan.sections).toHaveLength(11);
    expect(file.plan.sections[0].events[0]).toEqual(
      expect.objectContaining({
        number: '1.1',
        deadline: expect.objectContaining({ raw: 'октябрь 2024 года', kind: expect.any(String), intervals: expect.any(Array) }),
        responsible: expect.arrayContaining([expect.objectContaining({ raw: expect.any(String), name: expect.any(String) })]),
      }),
    );
  }, 60_000);

  it('prints a Russian summary without --json', () => {
    const { code, stdout } = eduplan('import', join(PLAN_FIXTURES, FIXTURE_FILES.samara));
    expect(code).toBe(0);
    expect(stdout).toContain('Документ: распоряжение, Министерство образования и науки Самарской области');
    expect(stdout).toContain('Разделов: 10, мероприятий: 38, предупреждений: 1');
  }, 60_000);

  it('recognises a .docx whatever the file is called', async () => {
    const path = join(dir, 'plan.txt');
    writeFileSync(path, await docxFromText(readFixture('kaliningrad')));
    const { code, stdout } = eduplan('import', path, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).document.number).toBe('1278/1');
  }, 60_000);

  it.each([
    ['binary bytes', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10])],
    ['an empty file', Buffer.alloc(0)],
    ['a table without a header', Buffer.from('1\tСлёт\tмай\n2\tФорум\tиюнь\n')],
  ])('exits with 2 and one bilingual line for %s', (_, bytes) => {
    const path = join(dir, 'not-a-plan.bin');
    writeFileSync(path, bytes);
    const { code, stdout, stderr } = eduplan('import', path, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Файл не похож на план мероприятий: [^\n]+ \/ Not a plan: [^\n]+\n$/);
  }, 60_000);

  // Before, the CLI hung for minutes on the nested file and ran out of memory on the bomb.
  it.each([
    ['a 1 MB zip bomb', () => Promise.resolve(docxZipBomb(1024)), /больше предела 32 МБ/],
    ['a zip bomb lying about its size', () => Promise.resolve(docxZipBomb(1024, 10_000)), /больше предела 32 МБ/],
    ['a .docx with 100,000 nested elements', () => deeplyNestedDocx(100_000), /глубже предела 256 уровней/],
  ])('fails fast with 2 and the limit for %s', async (_, build, limit) => {
    const path = join(dir, 'hostile.docx');
    writeFileSync(path, await build());
    const { code, stdout, stderr } = eduplan('import', path, '--json');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^Файл не разобран: [^\n]+ \/ File not parsed: [^\n]+\n$/);
    expect(stderr).toMatch(limit);
  }, 60_000);

  it('exits with 2 for a missing file or bad arguments', () => {
    expect(eduplan('import', join(dir, 'missing.txt'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Файл не найден: .+ \/ File not found: .+\n$/) });
    expect(eduplan('import')).toMatchObject({ code: 2, stderr: expect.stringContaining('Использование: eduplan import ФАЙЛ') });
  }, 60_000);
});
