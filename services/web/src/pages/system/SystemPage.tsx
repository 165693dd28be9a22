import { Label } from '@gravity-ui/uikit';
import { useHealth } from '../../app/HealthIndicator';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { SERVICE_LABEL } from '../../i18n/labels';

/** Every service, PostgreSQL and Temporal, up or down, refreshed every 15 s. */
export default function SystemPage() {
  const health = useHealth();
  const report = health.data;
  const parts: [string, 'up' | 'down', string | null][] = report
    ? [...Object.entries(report.services).map(([name, s]): [string, 'up' | 'down', string | null] => [name, s.status, s.message]), ['postgres', report.postgres, null], ['temporal', report.temporal, null]]
    : [];
  return (
    <>
      <PageTitle title="Состояние системы">Состояние системы</PageTitle>
      {health.error ? <ErrorMessage error={health.error} /> : null}
      {!report && health.isPending && <Loading />}
      <section id="health-bar" data-status={report?.status ?? 'down'} aria-label="Части системы" className="chips">
        {parts.map(([name, status, message]) => (
          // The kit's Label keeps no data attributes: the part and its status are on the wrapper.
          <span key={name} className="chip" data-part={name} data-status={status} title={message ?? undefined}>
            <Label theme={status === 'up' ? 'success' : 'danger'}>{`${SERVICE_LABEL[name] ?? name}: ${status === 'up' ? 'работает' : 'недоступен'}`}</Label>
          </span>
        ))}
      </section>
      {health.dataUpdatedAt > 0 && <p className="muted">{`Проверено в ${new Date(health.dataUpdatedAt).toLocaleTimeString('ru-RU')}`}</p>}
    </>
  );
}
