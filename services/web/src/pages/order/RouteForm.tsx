import { Button, Text, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Order, Person } from '../../api/types';
import { ErrorMessage } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PersonSelect } from '../people/PersonSelect';

interface StageInput {
  key: number;
  name: string;
  approvers: (Person | null)[];
}

let nextKey = 1;
const newStage = (name = ''): StageInput => ({ key: nextKey++, name, approvers: [null] });

/**
 * The approval route: ordered stages, each with approvers chosen from the issuer's staff who decide in parallel;
 * sending starts the order's workflow.
 */
export function RouteForm({ order }: { order: Order }) {
  const client = useQueryClient();
  const [stages, setStages] = useState<StageInput[]>([newStage('Правовое управление')]);
  const [deadlineDays, setDeadlineDays] = useState('10');
  const change = (key: number, update: (stage: StageInput) => StageInput) => setStages((all) => all.map((s) => (s.key === key ? update(s) : s)));
  const submit = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/orders/{id}/submit', {
          params: { path: { id: order.id } },
          body: {
            route: stages.map((s) => ({ name: s.name.trim(), approverIds: s.approvers.filter((p): p is Person => p !== null).map((p) => p.id) })),
            reportDeadlineWorkingDays: Number(deadlineDays),
          },
        }),
      ),
    onSuccess: (state) => {
      client.setQueryData(['order-state', order.id], state);
      void client.invalidateQueries({ queryKey: ['order', order.id] });
    },
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const rest = formLevelError(submit.error, ['route', 'reportDeadlineWorkingDays']);
  return (
    <form id="approval-route-form" className="panel" onSubmit={send} noValidate>
      <Text as="h2" variant="subheader-3">
        Направить на согласование
      </Text>
      <p className="muted">Этапы проходят по порядку; согласующие этапа решают параллельно; возврат на доработку отправляет проект автору со всеми замечаниями.</p>
      {stages.map((stage, index) => (
        <fieldset key={stage.key} className="stage form-grid" style={{ margin: '0 0 12px' }}>
          <legend>{`Этап ${index + 1}`}</legend>
          <Field label="Название этапа" id={`stage-${index}-name`} error={fieldError(submit.error, `route.${index}.name`)}>
            <TextInput id={`stage-${index}-name`} value={stage.name} onUpdate={(name) => change(stage.key, (s) => ({ ...s, name }))} {...invalid(fieldError(submit.error, `route.${index}.name`))} />
          </Field>
          {stage.approvers.map((approver, a) => (
            <div key={a} className="field">
              <PersonSelect
                id={`stage-${index}-approver-${a}`}
                label={`Согласующий ${a + 1}`}
                organizationId={order.issuerId}
                value={approver?.id ?? ''}
                onChange={(person) => change(stage.key, (s) => ({ ...s, approvers: s.approvers.map((p, i) => (i === a ? person : p)) }))}
                error={fieldError(submit.error, `route.${index}.approverIds`, true)}
              />
              {stage.approvers.length > 1 && (
                <Button view="flat-secondary" size="s" onClick={() => change(stage.key, (s) => ({ ...s, approvers: s.approvers.filter((_, i) => i !== a) }))}>
                  Убрать согласующего
                </Button>
              )}
            </div>
          ))}
          <div className="actions wide">
            <Button view="outlined" size="s" onClick={() => change(stage.key, (s) => ({ ...s, approvers: [...s.approvers, null] }))}>
              + согласующий
            </Button>
            {stages.length > 1 && (
              <Button view="flat-danger" size="s" onClick={() => setStages((all) => all.filter((s) => s.key !== stage.key))}>
                Убрать этап
              </Button>
            )}
          </div>
        </fieldset>
      ))}
      <div className="form-grid">
        <div className="actions">
          <Button view="outlined" onClick={() => setStages((all) => [...all, newStage()])}>
            + этап
          </Button>
        </div>
        <Field label="Срок отчёта центров после конца квартала, рабочих дней" id="report-deadline" error={fieldError(submit.error, 'reportDeadlineWorkingDays')}>
          <TextInput id="report-deadline" type="number" value={deadlineDays} onUpdate={setDeadlineDays} {...invalid(fieldError(submit.error, 'reportDeadlineWorkingDays'))} />
        </Field>
      </div>
      {rest ? <ErrorMessage error={rest} /> : null}
      <div className="actions">
        <Button type="submit" view="action" loading={submit.isPending}>
          Направить на согласование
        </Button>
      </div>
    </form>
  );
}
