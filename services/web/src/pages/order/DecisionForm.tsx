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

type DraftRemark = { eventId: string | null; text: string };

/**
 * The approver's decision on the version shown, made as the signed-in person (or, for a substitute, for the absent
 * approver chosen): a comment on the whole draft and remarks each on one row of the plan, which the order card and
 * the approval sheet show under that row.
 */
export function DecisionForm({ state, plan, ownTurn, standingIn }: { state: OrderState; plan: Plan; ownTurn: boolean; standingIn: AbsentApprover[] }) {
  const me = useMe();
  const [actingFor, setActingFor] = useState<string>(ownTurn ? '' : (standingIn[0]?.personId ?? ''));
  const client = useQueryClient();
  const [decision, setDecision] = useState<Decision>('approve');
  const [row, setRow] = useState('');
  const [remarkText, setRemarkText] = useState('');
  const [remarks, setRemarks] = useState<DraftRemark[]>([]);
  const [comment, setComment] = useState('');
  const events = plan.sections.flatMap((s) => s.events);
  const rowName = (eventId: string | null) => {
    const event = events.find((e) => e.id === eventId);
    return event ? `${event.number ? `${event.number}. ` : ''}${event.title}` : 'ко всему проекту';
  };
  /** The remarks added, and the one still being typed: a remark written but not added is not lost. */
  const allRemarks = () => [...remarks, ...(remarkText.trim() ? [{ eventId: row || null, text: remarkText.trim() }] : [])];
  const addRemark = () => {
    if (!remarkText.trim()) return;
    setRemarks(allRemarks());
    setRemarkText('');
  };
  const decide = useMutation({
    mutationFn: () => {
      const sent = allRemarks();
      return ok(api.POST('/api/orders/{id}/decisions', {
        params: { path: { id: state.orderId } },
        body: { decision, comment: comment.trim() || null, version: state.version, actingFor: actingFor || null, ...(sent.length ? { remarks: sent } : {}) },
      }));
    },
    onSuccess: (next) => client.setQueryData(['order-state', state.orderId], next),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate();
  };
  const commentError = fieldError(decide.error, 'comment');
  const remarksError = fieldError(decide.error, 'remarks', true);
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
        <Field label="Замечания ко всему проекту" id="decision-comment" error={commentError} hint="при согласовании с замечаниями и при возврате нужны замечания здесь или к строкам плана">
          <TextArea id="decision-comment" value={comment} onUpdate={setComment} minRows={3} {...invalid(commentError)} />
        </Field>
        {remarks.length > 0 && (
          <ul className="remarks" id="draft-remarks" aria-label="Замечания к строкам плана">
            {remarks.map((r, i) => (
              <li key={i}>
                <span className="muted">{`${rowName(r.eventId)}: `}</span>
                {r.text}{' '}
                <Button size="s" view="flat" onClick={() => setRemarks(remarks.filter((_, j) => j !== i))}>
                  Убрать
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Field label="Строка плана" id="remark-row" hint="замечание к мероприятию плана этой версии">
          <Select
            id="remark-row"
            width="max"
            filterable
            value={[row]}
            options={[{ value: '', content: 'ко всему проекту' }, ...events.map((e) => ({ value: e.id, content: `${e.number ?? ''} ${e.title}`.trim() }))]}
            onUpdate={([v]) => setRow(v ?? '')}
          />
        </Field>
        <Field label="Замечание к строке" id="remark-text" error={remarksError}>
          <TextArea id="remark-text" value={remarkText} onUpdate={setRemarkText} minRows={2} {...invalid(remarksError)} />
        </Field>
        <div>
          <Button id="remark-add" view="outlined" disabled={!remarkText.trim()} onClick={addRemark}>
            Добавить замечание к строке
          </Button>
        </div>
      </div>
      {decide.isError && !commentError && !remarksError && <ErrorMessage error={decide.error} />}
      <div className="actions">
        <Button type="submit" view="action" loading={decide.isPending}>
          Принять решение
        </Button>
      </div>
    </form>
  );
}
