import { Button, RadioGroup, Select, Text, TextArea } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Decision, OrderState, Plan } from '../../api/types';
import { useMe } from '../../auth/use-me';
import { ErrorMessage } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, invalid } from '../../components/field-errors';
import { DECISION_LABEL } from '../../i18n/labels';
import type { AbsentApprover } from './standing-in';

/**
 * The approver's decision on the version shown, made as the signed-in person (or, for a substitute, for the absent
 * approver chosen); a remark may name the plan row it concerns, which is written at the start of the comment (the
 * decision keeps one comment), so the author and the approval sheet see where it applies.
 */
export function DecisionForm({ state, plan, ownTurn, standingIn }: { state: OrderState; plan: Plan; ownTurn: boolean; standingIn: AbsentApprover[] }) {
  const me = useMe();
  const [actingFor, setActingFor] = useState<string>(ownTurn ? '' : (standingIn[0]?.personId ?? ''));
  const client = useQueryClient();
  const [decision, setDecision] = useState<Decision>('approve');
  const [row, setRow] = useState('');
  const [comment, setComment] = useState('');
  const events = plan.sections.flatMap((s) => s.events);
  const remark = () => {
    const event = events.find((e) => e.id === row);
    const text = comment.trim();
    if (!event) return text || null;
    return `К мероприятию ${[event.number, `«${event.title}»`].filter(Boolean).join(' ')}: ${text}`;
  };
  const decide = useMutation({
    mutationFn: () => ok(api.POST('/api/orders/{id}/decisions', { params: { path: { id: state.orderId } }, body: { decision, comment: remark(), version: state.version, actingFor: actingFor || null } })),
    onSuccess: (next) => client.setQueryData(['order-state', state.orderId], next),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate();
  };
  const commentError = fieldError(decide.error, 'comment');
  return (
    <form id="decision-form" className="panel" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3">{`Решение по версии ${state.version}`}</Text>
      <p className="muted">
        Решает: <strong className="acting-user">{me.name}</strong>
        {actingFor && ` — за отсутствующего: ${standingIn.find((a) => a.personId === actingFor)?.name ?? ''}`}
      </p>
      {(ownTurn ? 1 : 0) + standingIn.length > 1 && (
        <Field label="От чьего имени решение" id="acting-for">
          <Select
            id="acting-for"
            width="max"
            value={[actingFor]}
            options={[...(ownTurn ? [{ value: '', content: 'от своего имени' }] : []), ...standingIn.map((a) => ({ value: a.personId, content: `за отсутствующего: ${a.name}` }))]}
            onUpdate={([v]) => setActingFor(v ?? '')}
          />
        </Field>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend className="field-label">Решение</legend>
        <RadioGroup name="decision" direction="vertical" value={decision} onUpdate={(v) => setDecision(v as Decision)} options={Object.entries(DECISION_LABEL).map(([value, content]) => ({ value, content }))} />
      </fieldset>
      <div style={{ display: 'grid', gap: 12 }}>
        <Field label="Замечание к мероприятию плана" id="remark-row" hint="необязательно: строка плана, к которой относится замечание">
          <Select
            id="remark-row"
            width="max"
            filterable
            value={[row]}
            options={[{ value: '', content: 'ко всему проекту' }, ...events.map((e) => ({ value: e.id, content: `${e.number ?? ''} ${e.title}`.trim() }))]}
            onUpdate={([v]) => setRow(v ?? '')}
          />
        </Field>
        <Field label="Замечания" id="decision-comment" error={commentError} hint="обязательны при согласовании с замечаниями и при возврате">
          <TextArea id="decision-comment" value={comment} onUpdate={setComment} minRows={3} {...invalid(commentError)} />
        </Field>
      </div>
      {decide.isError && !commentError && <ErrorMessage error={decide.error} />}
      <div className="actions">
        <Button type="submit" view="action" loading={decide.isPending}>
          Принять решение
        </Button>
      </div>
    </form>
  );
}
