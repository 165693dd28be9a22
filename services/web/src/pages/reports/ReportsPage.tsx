import { Button, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { DuePeriod, Report } from '../../api/types';
import { useMe } from '../../auth/use-me';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../format';
import { OUTCOME_LABEL } from '../../i18n/labels';
import { useDuePeriods } from '../shared/queries';
import { eventName, ReportForm } from './ReportForm';

/**
 * The center's reporter: its events of each open quarter with the report form, and its reports already sent, each
 * to be opened. The gateway answers only the reporter's own organization's periods and reports.
 */
export default function ReportsPage() {
  const me = useMe();
  const due = useDuePeriods();
  const open = (due.data ?? []).filter((p) => p.reportId === null);
  return (
    <>
      <PageTitle title="Отчёты центра">{`Отчёты: ${me.organization?.shortName ?? me.organization?.name ?? 'организация не указана'}`}</PageTitle>
      {!me.organization && <ErrorMessage error={new Error('Учётная запись не привязана к организации: попросите администратора указать её.')} />}
      {due.error ? <ErrorMessage error={due.error} /> : null}
      {due.isLoading && <Loading text="Поиск мероприятий вашей организации…" />}
      {due.data && open.length === 0 && <p className="muted">Сейчас отчитываться не о чем: открытых периодов с вашими мероприятиями нет.</p>}
      {open.map((period) => (
        <section key={period.id} className="panel" aria-labelledby={`period-${period.id}-title`}>
          <Text as="h2" variant="subheader-3" id={`period-${period.id}-title`}>{`Мои мероприятия в ${period.quarter} квартале ${period.year} г.`}</Text>
          <p className="muted">{`${period.planTitle ?? 'План'} · отчёт до ${formatDate(period.deadline)}`}</p>
          <ReportForm period={period} />
        </section>
      ))}
      <EarlierReports periods={due.data ?? []} />
    </>
  );
}

/** The organization's reports, newest first; one opened shows what was reported on each event, its revisions, and may be corrected while its period is open. */
function EarlierReports({ periods }: { periods: DuePeriod[] }) {
  const reports = useQuery({ queryKey: ['reports'], queryFn: () => ok(api.GET('/api/reports', { params: { query: { limit: 50 } } })) });
  const [opened, setOpened] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const periodOf = (report: Report) => periods.find((p) => p.id === report.periodId);
  return (
    <section className="panel" id="earlier-reports" aria-labelledby="earlier-title">
      <Text as="h2" variant="subheader-3" id="earlier-title">
        Мои отправленные отчёты
      </Text>
      <QueryView query={reports} loading="Загрузка отчётов…">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">Отчётов пока нет.</p>
          ) : (
            <ul className="reports">
              {page.items.map((report) => {
                const period = periodOf(report);
                const title = period ? `${period.quarter} квартал ${period.year} г. — ${period.planTitle ?? 'план'}` : 'Отчёт за закрытый период';
                const late = report.late ? ` (с опозданием на ${report.daysLate} дн.)` : '';
                const revised = report.revision > 1 ? `, исправлен ${formatDateTime(report.correctedAt ?? report.submittedAt)} (редакция ${report.revision})` : '';
                return (
                  <li key={report.id} className="report" data-report-id={report.id}>
                    {`${title}: отправлен ${formatDateTime(report.submittedAt)}${late}${revised}, мероприятий: ${report.items.length} `}
                    <Button view="flat-info" size="s" aria-expanded={opened === report.id} onClick={() => setOpened(opened === report.id ? null : report.id)}>
                      {opened === report.id ? 'Скрыть' : 'Открыть'}
                    </Button>
                    {period && (
                      <Button view="flat-info" size="s" aria-expanded={correcting === report.id} onClick={() => setCorrecting(correcting === report.id ? null : report.id)}>
                        {correcting === report.id ? 'Не исправлять' : 'Исправить'}
                      </Button>
                    )}
                    {opened === report.id && <ReportContents report={report} period={period} />}
                    {opened === report.id && report.revision > 1 && <Revisions reportId={report.id} />}
                    {correcting === report.id && period && <ReportForm period={period} correcting={report} />}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

const heldWhen = (item: Report['items'][number]) => (item.heldFrom ? (item.heldTo && item.heldTo !== item.heldFrom ? `${formatDate(item.heldFrom)}–${formatDate(item.heldTo)}` : formatDate(item.heldFrom)) : '—');
const postponedTo = (item: Report['items'][number]) =>
  item.postponedToDate ? ` на ${formatDate(item.postponedToDate)}` : item.postponedToQuarter ? ` на ${item.postponedToQuarter.quarter} квартал ${item.postponedToQuarter.year} г.` : '';

/** Every version of a corrected report: when, by whom and why it was changed. */
function Revisions({ reportId }: { reportId: string }) {
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
export function ReportContents({ report, period }: { report: Report; period: DuePeriod | undefined }) {
  const name = (eventId: string) => {
    const event = period?.events.find((e) => e.id === eventId);
    return event ? eventName(event) : 'мероприятие плана';
  };
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
