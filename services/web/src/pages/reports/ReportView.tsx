import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Report } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { formatDate, formatDateTime } from '../../format';
import { OUTCOME_LABEL } from '../../i18n/labels';

const heldWhen = (item: Report['items'][number]) => (item.heldFrom ? (item.heldTo && item.heldTo !== item.heldFrom ? `${formatDate(item.heldFrom)}–${formatDate(item.heldTo)}` : formatDate(item.heldFrom)) : '—');
const postponedTo = (item: Report['items'][number]) =>
  item.postponedToDate ? ` на ${formatDate(item.postponedToDate)}` : item.postponedToQuarter ? ` на ${item.postponedToQuarter.quarter} квартал ${item.postponedToQuarter.year} г.` : '';

/** Every version of a corrected report: when, by whom and why it was changed. */
export function Revisions({ reportId }: { reportId: string }) {
  const revisions = useQuery({ queryKey: ['reports', reportId, 'revisions'], queryFn: () => ok(api.GET('/api/reports/{id}/revisions', { params: { path: { id: reportId } } })) });
  return (
    <QueryView query={revisions} loading="Загрузка редакций…">
      {(list) => (
        <ol className="report-revisions" aria-label="Редакции отчёта">
          {list.map((revision) => (
            <li key={revision.revision}>
              {`Редакция ${revision.revision}: ${formatDateTime(revision.at)}, ${revision.by}${revision.reason ? ` — ${revision.reason}` : ' — первая отправка'}`}
            </li>
          ))}
        </ol>
      )}
    </QueryView>
  );
}

/** What a report says of each event, as the organization and the ministry read it. */
export function ReportContents({ report, name }: { report: Report; name: (eventId: string) => string }) {
  return (
    <table className="plan-table report-contents">
      <caption className="sr-only">Содержание отчёта</caption>
      <thead>
        <tr>
          <th scope="col">Мероприятие</th>
          <th scope="col">Итог</th>
          <th scope="col">Даты проведения</th>
          <th scope="col">Участников (обуч. / пед. / род. / др.)</th>
          <th scope="col">Подтверждения</th>
          <th scope="col">Комментарий</th>
        </tr>
      </thead>
      <tbody>
        {report.items.map((item) => (
          <tr key={item.eventId}>
            <td>{name(item.eventId)}</td>
            <td>{`${OUTCOME_LABEL[item.outcome]}${postponedTo(item)}`}</td>
            <td>{heldWhen(item)}</td>
            <td>{item.attendance ? `${item.participants} (${item.attendance.students} / ${item.attendance.teachers} / ${item.attendance.parents} / ${item.attendance.others})` : '—'}</td>
            <td>
              {item.links.map((link) => (
                <div key={link}>
                  <a href={link} target="_blank" rel="noreferrer noopener">
                    {link}
                  </a>
                </div>
              ))}
              {item.files.map((file) => (
                <div key={file.id}>
                  <a href={`/api/reports/files/${file.id}`}>{file.name}</a>
                </div>
              ))}
            </td>
            <td>{item.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A report opened from a period's list: when it came, how late, its revisions and what it says on each event. */
export function OpenedReport({ reportId, name }: { reportId: string; name: (eventId: string) => string }) {
  const report = useQuery({ queryKey: ['report', reportId], queryFn: () => ok(api.GET('/api/reports/{id}', { params: { path: { id: reportId } } })) });
  return (
    <QueryView query={report} loading="Загрузка отчёта…">
      {(found) => (
        <div className="organization-report" data-report-id={found.id}>
          <p className="muted">{`Отправлен ${formatDateTime(found.submittedAt)}${found.late ? `, с опозданием на ${found.daysLate} дн.` : ''}${found.revision > 1 ? `, редакция ${found.revision}` : ''}`}</p>
          <ReportContents report={found} name={name} />
          {found.revision > 1 && <Revisions reportId={found.id} />}
        </div>
      )}
    </QueryView>
  );
}
