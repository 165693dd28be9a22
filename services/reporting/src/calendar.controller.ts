import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { CalendarRoutes, type CalendarYearDto, type StoredCalendarDto } from '@eduplan/contracts';
import { isoWeekday } from '@eduplan/domain';
import { auditActorOf, DomainException, RoutePipe } from '@eduplan/platform';
import { DataSource, In } from 'typeorm';
import type { z } from 'zod';
import { CalendarYearEntity } from './calendar-year.entity';
import { calendarYearView } from './calendar-year-view';
import { reportingAudit } from './reporting-audit';

const C = CalendarRoutes;

/** The production calendar deadlines are counted by: read by everyone signed in, kept by the administrator. */
@Controller()
export class CalendarController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @MessagePattern(C.getYear.subject)
  async get(@Payload(new RoutePipe(C.getYear)) { year, issuerId }: z.output<typeof C.getYear.request>): Promise<CalendarYearDto> {
    return calendarYearView(year, await this.db.manager.findOneBy(CalendarYearEntity, { year }), issuerId);
  }

  /** Replaces the year as a whole (the built-in decree of that year stops counting); audited with before and after. */
  @MessagePattern(C.putYear.subject)
  put(@Payload(new RoutePipe(C.putYear)) request: z.output<typeof C.putYear.request>): Promise<CalendarYearDto> {
    checkTransfers(request.transfers);
    return this.db.transaction(async (m) => {
      const before = await m.findOne(CalendarYearEntity, { where: { year: request.year }, lock: { mode: 'pessimistic_write' } });
      const saved = await m.save(
        m.create(CalendarYearEntity, {
          year: request.year,
          source: request.source,
          transfers: request.transfers,
          regionalHolidays: request.regionalHolidays,
          updatedAt: new Date(),
          updatedBy: request.actor.login,
        }),
      );
      await reportingAudit.append(m, {
        actor: auditActorOf(request.actor),
        action: 'calendar.put',
        objectType: 'calendar_year',
        objectId: String(request.year),
        before: before ? stored(before) : null,
        after: stored(saved),
      });
      return calendarYearView(request.year, saved);
    });
  }

  @MessagePattern(C.forDeadlines.subject)
  async forDeadlines(@Payload(new RoutePipe(C.forDeadlines)) { years, issuerId }: z.output<typeof C.forDeadlines.request>): Promise<StoredCalendarDto> {
    const rows = await this.db.manager.findBy(CalendarYearEntity, { year: In(years) });
    return {
      decrees: rows.map((row) => ({ year: row.year, source: row.source, transfers: row.transfers })),
      regionalDaysOff: rows.flatMap((row) => row.regionalHolidays.filter((holiday) => holiday.issuerId === issuerId).map((holiday) => holiday.date)),
    };
  }
}

function stored({ year, source, transfers, regionalHolidays }: CalendarYearEntity) {
  return { year, source, transfers, regionalHolidays };
}

/** A decree moves a day off from a Saturday or Sunday to a weekday, each day at most once. */
function checkTransfers(transfers: readonly { from: string; to: string }[]): void {
  const problems: string[] = [];
  transfers.forEach(({ from, to }, index) => {
    if (isoWeekday(from) <= 5) problems.push(`перенос ${index + 1}: ${from} — не суббота и не воскресенье`);
    if (isoWeekday(to) >= 6) problems.push(`перенос ${index + 1}: ${to} — выходной день, переносить на него нечего`);
  });
  const twice = (dates: string[]) => dates.filter((date, index) => dates.indexOf(date) !== index);
  for (const date of new Set([...twice(transfers.map((t) => t.from)), ...twice(transfers.map((t) => t.to))])) {
    problems.push(`дата ${date} указана в переносах дважды`);
  }
  if (problems.length) throw new DomainException('VALIDATION', `Переносы выходных дней не подходят: ${problems.join('; ')}`);
}
