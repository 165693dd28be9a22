import type { Schedule } from '../../api/types';
import { formatDate, formatInterval } from '../../format';
import { RECURRENCE_LABEL, SCHEDULE_KIND_LABEL } from '../../i18n/labels';

/** How the «Сроки» text was understood: kind, dates, recurrence, and the parser's doubts. */
export function ScheduleCell({ schedule }: { schedule: Schedule }) {
  return (
    <div className={schedule.warnings.length ? 'schedule schedule-doubtful' : 'schedule'}>
      <div>{schedule.raw}</div>
      <div className="muted">
        {SCHEDULE_KIND_LABEL[schedule.kind]}
        {schedule.intervals.length > 0 && `: ${schedule.intervals.map(formatInterval).join('; ')}`}
        {schedule.recurrence && `, ${RECURRENCE_LABEL[schedule.recurrence]}${schedule.repeatUntil ? ` до ${formatDate(schedule.repeatUntil)}` : ''}`}
        {schedule.confidence < 1 && `, уверенность ${Math.round(schedule.confidence * 100)}%`}
      </div>
      {schedule.warnings.map((warning) => (
        <div key={warning} className="warning">
          ⚠ {warning}
        </div>
      ))}
    </div>
  );
}
