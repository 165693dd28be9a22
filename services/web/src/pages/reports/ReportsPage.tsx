import { Button, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { DuePeriod, Report } from '../../api/types';
import { useMe } from '../../auth/use-me';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../format';
import { useDuePeriods } from '../shared/queries';
import { eventName, ReportForm } from './ReportForm';
import { ReportContents, Revisions } from './ReportView';

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
                    {opened === report.id && <ReportContents report={report} name={(eventId) => eventTitle(period, eventId)} />}
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

const eventTitle = (period: DuePeriod | undefined, eventId: string) => {
  const event = period?.events.find((e) => e.id === eventId);
  return event ? eventName(event) : 'мероприятие плана';
};
