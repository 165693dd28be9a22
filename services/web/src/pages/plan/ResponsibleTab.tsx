import { Button, Select, Text } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Plan, PlanResponsible } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { ErrorMessage, QueryView, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { CENTER_TYPE_LABEL } from '../../i18n/labels';
import { ImportSteps } from '../plans/ImportSteps';

type Link_ = PlanResponsible['events'][number]['responsible'][number]['link'];

const METHOD_LABEL: Record<string, string> = {
  alias: 'по сохранённому сопоставлению',
  exact: 'по названию',
  normalized: 'по названию (без учёта написания)',
  issuer_unit: 'подразделение издателя',
  group: 'группа',
  fuzzy: 'по сходству',
};

/** One line saying what a responsible string links to. */
function linkSummary(link: Link_): string {
  if (!link) return 'не сопоставлено';
  if (link.status === 'not_reporting') return 'не отчитывается';
  if (link.status === 'review') return `⚠ ${link.reason}`;
  if (link.method === 'group') {
    const types = (link.group?.centerTypes ?? []).map((t) => CENTER_TYPE_LABEL[t as keyof typeof CENTER_TYPE_LABEL]).join(', ') || 'образовательные организации';
    return `группа: ${types} — сейчас ${link.memberCount ?? link.organizationIds.length}`;
  }
  return `${METHOD_LABEL[link.method] ?? link.method}${link.confidence < 1 ? `, уверенность ${Math.round(link.confidence * 100)}%` : ''}`;
}

/**
 * The plan's «Ответственные»: the strings that keep its order from approval, each with the choice a person makes
 * once (remembered for the region), and what every event's strings link to.
 */
export function ResponsibleTab({ plan, justImported }: { plan: Plan; justImported: boolean }) {
  const me = useMe();
  const client = useQueryClient();
  const links = useQuery({ queryKey: ['plan-responsible', plan.id], queryFn: () => ok(api.GET('/api/plans/{id}/responsible', { params: { path: { id: plan.id } } })) });
  const store = (answer: PlanResponsible) => client.setQueryData(['plan-responsible', plan.id], answer);
  const relink = useMutation({ mutationFn: () => ok(api.POST('/api/plans/{id}/responsible/relink', { params: { path: { id: plan.id } } })), onSuccess: store });
  const editor = hasRole(me, 'editor');
  return (
    <>
      {justImported && <ImportSteps current={3} />}
      {justImported && <Success>План создан. Сопоставьте ответственных с организациями реестра — без этого приказ нельзя направить на согласование.</Success>}
      <QueryView query={links} loading="Сопоставление ответственных…">
        {(data) => (
          <>
            <section className="panel" id="responsible-review" aria-labelledby="unresolved-title">
              <Text as="h2" variant="subheader-3" id="unresolved-title">
                {data.unresolved.length ? `Ответственные без организации (${data.unresolved.length})` : 'Все ответственные сопоставлены'}
              </Text>
              <p className="muted">
                {data.unresolved.length
                  ? 'Пока они не сопоставлены или не отмечены «не отчитывается», приказ нельзя направить на согласование. Выбор запоминается для региона.'
                  : data.linked
                    ? 'Каждая строка «Ответственные» связана с организациями реестра или отмечена как не отчитывающаяся.'
                    : 'Ответственные ещё не сопоставлялись с организациями.'}
              </p>
              {editor && (
                <div className="actions">
                  <Button view="outlined" loading={relink.isPending} onClick={() => relink.mutate()}>
                    Сопоставить заново
                  </Button>
                  {justImported && data.unresolved.length === 0 && <Link to={`/plans/${plan.id}?tab=order`}>Далее: проект приказа →</Link>}
                </div>
              )}
              {relink.isError && <ErrorMessage error={relink.error} />}
              {editor && data.unresolved.map((item, index) => <UnresolvedChoice key={`${item.raw}\n${item.name}`} planId={plan.id} item={item} index={index} links={data} onLinked={store} />)}
            </section>
            {/* Folded: for a whole plan it is a table of every event, thousands of pixels long. */}
            <details className="panel" id="responsible-links">
              <summary>
                <Text variant="subheader-3" id="links-title">{`Связи мероприятий с организациями (${data.events.length})`}</Text>
              </summary>
              <table className="plan-table" aria-labelledby="links-title">
                <thead>
                  <tr>
                    <th scope="col">№</th>
                    <th scope="col">Мероприятие</th>
                    <th scope="col">Ответственные и их организации</th>
                  </tr>
                </thead>
                <tbody>
                  {data.events.map((e) => (
                    <tr key={e.eventId}>
                      <td>{e.number ?? ''}</td>
                      <td>{e.title}</td>
                      <td>
                        {e.responsible.map((r, i) => (
                          <div key={i}>
                            {r.name} — <span className={r.link?.status === 'resolved' ? 'ok' : r.link?.status === 'review' ? 'warning' : 'muted'}>{linkSummary(r.link)}</span>
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </QueryView>
    </>
  );
}

function UnresolvedChoice({ planId, item, index, links, onLinked }: {
  planId: string;
  item: PlanResponsible['unresolved'][number];
  index: number;
  links: PlanResponsible;
  onLinked: (answer: PlanResponsible) => void;
}) {
  const candidates = links.events.flatMap((e) => e.responsible).find((r) => r.raw === item.raw && r.link?.status === 'review')?.link;
  const options = [
    ...(candidates?.status === 'review' ? (candidates.candidates as { organizationId: string; name: string; score: number }[]) : []).map((c) => ({ value: c.organizationId, content: `${c.name} (${Math.round(c.score * 100)}%)` })),
    { value: 'not_reporting', content: 'не отчитывается (внешняя организация)' },
  ];
  const [choice, setChoice] = useState(options[0].value);
  const confirm = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/plans/{id}/responsible/confirm', { params: { path: { id: planId } }, body: choice === 'not_reporting' ? { text: item.raw, notReporting: true } : { text: item.raw, organizationIds: [choice] } })),
    onSuccess: onLinked,
  });
  const id = `unresolved-${index}`;
  return (
    <div className="form-grid unresolved" style={{ borderTop: '1px solid var(--g-color-line-generic)', paddingTop: 8, marginTop: 8 }}>
      <div className="wide">
        <strong>{item.name}</strong>
        <span className="muted">{` — мероприятия ${item.events.join(', ')}`}</span>
      </div>
      <Field label="Организация" id={id}>
        <Select id={id} width="max" value={[choice]} options={options} onUpdate={([v]) => setChoice(v ?? 'not_reporting')} />
      </Field>
      <div className="actions">
        <Button view="action" loading={confirm.isPending} onClick={() => confirm.mutate()}>
          Сохранить
        </Button>
      </div>
      {confirm.isError && <ErrorMessage error={confirm.error} />}
    </div>
  );
}
