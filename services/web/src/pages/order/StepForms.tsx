import { Button, Select, Text, TextArea } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Order, OrderState } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/Feedback';
import { Field } from '../../components/Field';

/** Every step answers the workflow's new state, which replaces the one shown. */
function useStep<A>(state: OrderState, step: (args: A) => Promise<OrderState>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (next) => {
      client.setQueryData(['order-state', state.orderId], next);
      void client.invalidateQueries({ queryKey: ['order', state.orderId] });
      void client.invalidateQueries({ queryKey: ['order-documents', state.orderId] });
    },
  });
}

const path = (state: OrderState) => ({ path: { id: state.orderId } });

/** After a return: the author sends the revised draft again, to every approver or only to those who had not approved. */
export function ResubmitForm({ state }: { state: OrderState }) {
  const [reapprove, setReapprove] = useState<'all' | 'not_approved'>('not_approved');
  const [comment, setComment] = useState('');
  const resubmit = useStep(state, () => ok(api.POST('/api/orders/{id}/resubmit', { params: path(state), body: { reapprove, comment: comment.trim() || null } })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resubmit.mutate(undefined);
  };
  return (
    <form id="resubmit-form" className="panel form-grid" onSubmit={submit}>
      <Text as="h2" variant="subheader-3" className="wide">
        Направить повторно после доработки
      </Text>
      <Field label="Кто согласует заново" id="reapprove">
        <Select
          id="reapprove"
          width="max"
          value={[reapprove]}
          options={[
            { value: 'not_approved', content: 'только те, кто вернул или ещё не решил' },
            { value: 'all', content: 'все согласующие' },
          ]}
          onUpdate={([v]) => setReapprove(v === 'all' ? 'all' : 'not_approved')}
        />
      </Field>
      <Field label="Что исправлено" id="resubmit-comment">
        <TextArea id="resubmit-comment" value={comment} onUpdate={setComment} minRows={2} />
      </Field>
      {resubmit.isError && <div className="wide"><ErrorMessage error={resubmit.error} /></div>}
      <div className="actions wide">
        <Button type="submit" view="action" loading={resubmit.isPending}>
          Направить повторно
        </Button>
      </div>
    </form>
  );
}

/** The signatory signs with the electronic signature; the order is then registered and published. Asked first. */
export function SignForm({ state, order }: { state: OrderState; order: Order }) {
  const sign = useStep(state, () => ok(api.POST('/api/orders/{id}/sign', { params: path(state) })));
  return (
    <section id="sign-form" className="panel" aria-labelledby="sign-title">
      <Text as="h2" variant="subheader-3" id="sign-title">
        Подписание
      </Text>
      <p>{`Подписывает: ${state.signatory.name}, ${state.signatory.position}.`}</p>
      {sign.isError && <ErrorMessage error={sign.error} />}
      <div className="actions">
        <ConfirmButton
          id="sign-button"
          question={`Подписать «${order.title}» электронной подписью? После подписи приказ регистрируется и публикуется; отменить подпись нельзя.`}
          confirm="Подписать"
          loading={sign.isPending}
          onConfirm={() => sign.mutate(undefined)}
        >
          Подписать электронной подписью
        </ConfirmButton>
      </div>
    </section>
  );
}

/** A step that failed (the signing service was down, say): run it again once the cause is fixed. */
export function RetryForm({ state }: { state: OrderState }) {
  const retry = useStep(state, () => ok(api.POST('/api/orders/{id}/retry', { params: path(state) })));
  return (
    <section id="retry-form" className="panel" aria-labelledby="retry-title">
      <Text as="h2" variant="subheader-3" id="retry-title">
        Сбой
      </Text>
      <ErrorMessage error={new Error(state.failure?.message ?? '')} />
      {retry.isError && <ErrorMessage error={retry.error} />}
      <div className="actions">
        <Button view="action" loading={retry.isPending} onClick={() => retry.mutate(undefined)}>
          Повторить
        </Button>
      </div>
    </section>
  );
}
