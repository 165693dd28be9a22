import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CliUsageError } from '../command';
import { calendarCommand } from './calendar.command';

async function captured(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await calendarCommand.run(args);
    const text = (spy: typeof out) => spy.mock.calls.map(([chunk]) => String(chunk)).join('');
    return { code, stdout: text(out), stderr: text(err) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('eduplan calendar', () => {
  it('prints a decreed year as JSON through npm run eduplan', async () => {
    // As `npm run -s eduplan -- calendar 2024 --json` runs it: main.ts under @swc-node/register.
    const run = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../main.ts'), 'calendar', '2024', '--json']);
    expect(run.stderr).toBe('');
    const shown = JSON.parse(run.stdout) as { year: number; daysOff: string[]; workingWeekendDays: string[]; source: string };
    expect(shown.year).toBe(2024);
    expect(366 - shown.daysOff.length).toBe(248);
    expect(shown.daysOff).toEqual(expect.arrayContaining(['2024-01-06', '2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31', '2024-12-29']));
    expect(shown.daysOff).not.toContain('2024-04-27');
    expect(shown.workingWeekendDays).toEqual(['2024-04-27', '2024-11-02', '2024-12-28']);
    expect(shown.source).toBe('Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»');
  }, 60000);

  it('prints a readable Russian calendar', async () => {
    const { code, stdout } = await captured(['2025']);
    expect(code).toBe(0);
    expect(stdout).toContain('Производственный календарь на 2025 год');
    expect(stdout).toContain('№ 1335');
    expect(stdout).toContain('Рабочих дней при пятидневной неделе: 247');
    expect(stdout).toContain('  ноябрь: 2, 3, 4, 8, 9');
    expect(stdout).toContain('Рабочие субботы и воскресенья: 1 ноября 2025 г.');
  });

  it('computes a year without a decree by art. 112 and warns', async () => {
    const { code, stdout, stderr } = await captured(['2027', '--json']);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout) as { daysOff: string[]; workingWeekendDays: string[]; source: string };
    expect(shown.source).toContain('о переносе выходных дней в 2027 году не загружено');
    expect(shown.daysOff).toEqual(expect.arrayContaining(['2027-01-08', '2027-05-10', '2027-06-14']));
    expect(shown.workingWeekendDays).toEqual([]);
    expect(stderr).toContain('Внимание');
  });

  it('asks for a four-digit year', async () => {
    await expect(captured([])).rejects.toThrow(CliUsageError);
    await expect(captured(['24'])).rejects.toThrow('Укажите год четырьмя цифрами');
    await expect(captured(['2024', '2025'])).rejects.toThrow(CliUsageError);
  });
});
