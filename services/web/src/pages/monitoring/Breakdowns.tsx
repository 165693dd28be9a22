import { Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Plan, ReportingPeriod } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../../i18n/labels';

interface Row {
  name: string;
  due: number;
  reported: number;
}

/** A share as a bar and in words, readable without the bar. */
function Share({ row }: { row: Row }) {
  const share = row.due ? Math.round((row.reported / row.due) * 100) : 0;
  return (
    <div role="img" aria-label={`${row.reported} из ${row.due} (${share}%)`} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <div style={{ flex: '0 0 200px', height: 10, background: 'var(--g-color-base-generic)', borderRadius: 5, overflow: 'hidden' }}>
        <div style={{ width: `${share}%`, height: '100%', background: 'var(--g-color-base-positive-heavy)' }} />
      </div>
      <span>{`${row.reported} из ${row.due}`}</span>
    </div>
  );
}

function BreakdownTable({ id, title, what, rows }: { id: string; title: string; what: string; rows: Row[] }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <p className="muted">Нет данных.</p>
      ) : (
        <table className="plan-table">
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col">Отчитались</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <td>{row.name}</td>
                <td>
                  <Share row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Adds `due` items (one by default), `reported` of them reported, to the row `name`. */
const add = (rows: Map<string, Row>, name: string, reported: number, due = 1) => {
  const row = rows.get(name) ?? { name, due: 0, reported: 0 };
  row.due += due;
  row.reported += reported;
  rows.set(name, row);
};

/**
 * Who reported on what, by the plan's direction (each event an organization owes counts once, as the reporting
 * service counts them per event) and by kind of organization (center type). «Reported» means the organization has
 * filed its report for the period; what each report says is in the period's list of reports above.
 */
export function Breakdowns({ plan, periods }: { plan: Plan; periods: ReportingPeriod[] }) {
  const organizations = useQuery({ queryKey: ['organizations-all'], queryFn: () => ok(api.GET('/api/organizations')) });
  const sectionOf = new Map(plan.sections.flatMap((s) => s.events.map((e): [string, string] => [e.id, [s.number, s.title].filter(Boolean).join('. ')])));
  return (
    <QueryView query={organizations}>
      {(list) => {
        const kindOf = new Map(list.map((o) => [o.id, o.centerType ? CENTER_TYPE_LABEL[o.centerType] : ORGANIZATION_KIND_LABEL[o.kind]]));
        const byDirection = new Map<string, Row>();
        const byKind = new Map<string, Row>();
        for (const period of periods) {
          for (const expected of period.expected) {
            add(byKind, kindOf.get(expected.organizationId) ?? 'организация не найдена', expected.submitted ? 1 : 0);
          }
          for (const event of period.events) add(byDirection, sectionOf.get(event.eventId) ?? 'вне плана', event.reported, event.due);
        }
        return (
          <div className="two-columns">
            <BreakdownTable id="by-direction" title="По направлениям плана" what="Направление (мероприятий к отчёту)" rows={[...byDirection.values()]} />
            <BreakdownTable id="by-center-type" title="По типам организаций" what="Тип (организаций к отчёту)" rows={[...byKind.values()].sort((a, b) => b.due - a.due)} />
          </div>
        );
      }}
    </QueryView>
  );
}
