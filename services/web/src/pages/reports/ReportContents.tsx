import type { Report } from '../../api/types';
import { formatDate } from '../../format';
import { OUTCOME_LABEL } from '../../i18n/labels';

/** What a report says on each event: its reporter's list and the ministry's monitoring page show it alike. */
export function ReportContents({ report, eventName }: { report: Report; eventName: (eventId: string) => string }) {
  return (
    <table className="plan-table report-contents">
      <caption className="sr-only">Содержание отчёта</caption>
      <thead>
        <tr>
          <th scope="col">Мероприятие</th>
          <th scope="col">Итог</th>
          <th scope="col">Дата проведения</th>
          <th scope="col">Участников</th>
          <th scope="col">Комментарий</th>
        </tr>
      </thead>
      <tbody>
        {report.items.map((item) => (
          <tr key={item.eventId}>
            <td>{eventName(item.eventId)}</td>
            <td>{OUTCOME_LABEL[item.outcome]}</td>
            <td>{item.heldOn ? formatDate(item.heldOn) : '—'}</td>
            <td>{item.participants ?? '—'}</td>
            <td>{item.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
