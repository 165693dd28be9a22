import { Button, Select, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { Plan, PlanDiff } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../format';
import { PLAN_STATUS_LABEL } from '../../i18n/labels';

const FIELD_LABEL: Record<string, string> = {
  title: 'название',
  number: 'номер',
  content: 'содержание',
  audience: 'целевая аудитория',
  deadline: 'сроки',
  responsible: 'ответственные',
  expectedResult: 'ожидаемый результат',
  subRows: 'строки',
  period: 'период',
  directionCode: 'направление',
  position: 'место',
  section: 'раздел',
};

const shown = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Every version of the plan, and what changed between two of them, in words. */
export function VersionsTab({ plan }: { plan: Plan }) {
  const versions = useQuery({ queryKey: ['plan-versions', plan.id], queryFn: () => ok(api.GET('/api/plans/{id}/versions', { params: { path: { id: plan.id } } })) });
  const [from, setFrom] = useState(String(Math.max(1, plan.version - 1)));
  const [to, setTo] = useState(String(plan.version));
  const [compared, setCompared] = useState<[number, number] | null>(null);
  const diff = useQuery({
    queryKey: ['plan-diff', plan.id, compared],
    queryFn: () => ok(api.GET('/api/plans/{id}/versions/{from}/diff/{to}', { params: { path: { id: plan.id, from: compared![0], to: compared![1] } } })),
    enabled: compared !== null,
  });
  return (
    <QueryView query={versions}>
      {(list) => {
        const options = list.map((v) => ({ value: String(v.version), content: `версия ${v.version} от ${formatDateTime(v.createdAt)} (${PLAN_STATUS_LABEL[v.status]})` }));
        return (
          <>
            <div className="filters">
              <Field label="Сравнить версию" id="diff-from">
                <Select id="diff-from" width="max" value={[from]} options={options} onUpdate={([v]) => setFrom(v ?? '1')} />
              </Field>
              <Field label="с версией" id="diff-to">
                <Select id="diff-to" width="max" value={[to]} options={options} onUpdate={([v]) => setTo(v ?? '1')} />
              </Field>
              <Button view="action" disabled={from === to} onClick={() => setCompared([Number(from), Number(to)])}>
                Показать изменения
              </Button>
            </div>
            {compared && <QueryView query={diff}>{(d) => <DiffView diff={d} />}</QueryView>}
          </>
        );
      }}
    </QueryView>
  );
}

function DiffView({ diff }: { diff: PlanDiff }) {
  const named = (item: { number: string | null; title: string }) => [item.number, item.title].filter(Boolean).join('. ');
  const lines: string[] = [
    ...diff.plan.map((c) => `План: ${FIELD_LABEL[c.field] ?? c.field}: «${shown(c.before)}» → «${shown(c.after)}»`),
    ...diff.sections.added.map((s) => `Добавлен раздел «${named(s)}»`),
    ...diff.sections.removed.map((s) => `Удалён раздел «${named(s)}»`),
    ...diff.sections.changed.flatMap((s) => s.changes.map((c) => `Раздел «${named(s)}»: ${FIELD_LABEL[c.field] ?? c.field}: «${shown(c.before)}» → «${shown(c.after)}»`)),
    ...diff.events.added.map((e) => `Добавлено мероприятие «${named(e)}»`),
    ...diff.events.removed.map((e) => `Удалено мероприятие «${named(e)}»`),
    ...diff.events.changed.flatMap((e) => e.changes.map((c) => `Мероприятие «${named(e)}»: ${FIELD_LABEL[c.field] ?? c.field}: «${shown(c.before)}» → «${shown(c.after)}»`)),
  ];
  return (
    <section className="panel" id="plan-diff" aria-labelledby="diff-title">
      <Text as="h2" variant="subheader-3" id="diff-title">{`Изменения с версии ${diff.from} по версию ${diff.to}`}</Text>
      {lines.length === 0 ? <p className="muted">Изменений нет.</p> : <ul>{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>}
    </section>
  );
}
