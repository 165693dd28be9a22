import { calendarYear, formatRuLongDate, ruMonthName, type CalendarYear } from '@eduplan/domain';
import { CliCommand, CliUsageError } from '../command';

const USAGE = 'calendar ГОД [--json]   производственный календарь года: выходные, праздничные и рабочие выходные дни';

/** The built-in federal calendar of a year (the stored overrides live in the reporting service). */
export const calendarCommand: CliCommand = {
  name: 'calendar',
  usage: USAGE,
  async run(args) {
    const json = args.includes('--json');
    const rest = args.filter((arg) => arg !== '--json');
    if (rest.length !== 1 || !/^\d{4}$/.test(rest[0]) || Number(rest[0]) < 1992) {
      throw new CliUsageError(`Укажите год четырьмя цифрами, не ранее 1992. Использование: eduplan ${USAGE}`);
    }
    const year = calendarYear(Number(rest[0]));
    if (!year.decreed) process.stderr.write(`Внимание: ${year.source}\n`);
    process.stdout.write(json ? `${JSON.stringify(shownAsJson(year))}\n` : readable(year));
    return 0;
  },
};

function shownAsJson(year: CalendarYear) {
  return { year: year.year, daysOff: year.daysOff, workingWeekendDays: year.workingWeekendDays, source: year.source };
}

function readable(year: CalendarYear): string {
  const lines = [
    `Производственный календарь на ${year.year} год`,
    `Основание: ${year.source}`,
    `Рабочих дней при пятидневной неделе: ${year.workingDays}, нерабочих: ${year.daysOff.length}`,
    '',
    'Нерабочие дни по месяцам:',
  ];
  for (let month = 1; month <= 12; month += 1) {
    const days = year.daysOff.filter((date) => Number(date.slice(5, 7)) === month).map((date) => Number(date.slice(8, 10)));
    lines.push(`  ${ruMonthName(month)}: ${days.join(', ')}`);
  }
  lines.push(
    year.workingWeekendDays.length === 0
      ? 'Рабочих суббот и воскресений нет'
      : `Рабочие субботы и воскресенья: ${year.workingWeekendDays.map((date) => formatRuLongDate(date)).join('; ')}`,
  );
  return `${lines.join('\n')}\n`;
}
