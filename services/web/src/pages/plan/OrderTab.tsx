import { Button, Select, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import type { Order, Person, Plan } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { ErrorMessage, QueryView } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { OrderStatusLabel } from '../../components/StatusLabel';
import { ORDER_KIND_LABEL } from '../../i18n/labels';
import { PersonSelect } from '../people/PersonSelect';
import { pointsOf } from '../order/points';

/** The orders approving this plan, and the form for a new draft (приказ or распоряжение) with its signatory. */
export function OrderTab({ plan }: { plan: Plan }) {
  const me = useMe();
  const orders = useQuery({ queryKey: ['orders', 'plan', plan.id], queryFn: () => ok(api.GET('/api/orders', { params: { query: { planId: plan.id, limit: 50 } } })) });
  return (
    <>
      <QueryView query={orders}>
        {(page) =>
          page.items.length > 0 ? (
            <ul id="plan-orders">
              {page.items.map((o) => (
                <li key={o.id}>
                  <Link to={`/orders/${o.id}`}>{o.title}</Link> <OrderStatusLabel status={o.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Приказа к этому плану ещё нет.</p>
          )
        }
      </QueryView>
      {hasRole(me, 'editor') && <OrderDraftForm plan={plan} />}
    </>
  );
}

function OrderDraftForm({ plan }: { plan: Plan }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState<Order['kind']>('prikaz');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [basis, setBasis] = useState('');
  const [points, setPoints] = useState('');
  const [signatory, setSignatory] = useState<Person | null>(null);
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/orders', {
          body: {
            planId: plan.id,
            kind,
            title: title.trim(),
            place: place.trim() || null,
            basis: basis.trim() || null,
            ...(pointsOf(points).length > 0 ? { points: pointsOf(points) } : {}),
            // An empty choice is sent as such: the API names the field to fill.
            signatoryId: signatory?.id ?? '',
          },
        }),
      ),
    onSuccess: (order) => navigate(`/orders/${order.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (path: string) => fieldError(create.error, path, true);
  const rest = formLevelError(create.error, ['title', 'place', 'basis', 'points', 'signatoryId', 'kind']);
  return (
    <form id="order-draft-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        Проект приказа об утверждении плана
      </Text>
      <Field label="Вид документа" id="order-kind">
        <Select id="order-kind" width="max" value={[kind]} options={Object.entries(ORDER_KIND_LABEL).map(([value, content]) => ({ value, content }))} onUpdate={([v]) => setKind(v as Order['kind'])} />
      </Field>
      <PersonSelect id="order-signatory" label="Подписывает" organizationId={plan.issuerId} value={signatory?.id ?? ''} onChange={setSignatory} error={error('signatoryId')} />
      <Field label="Заголовок" id="order-title" wide error={error('title')} hint={`План: «${plan.title}»`}>
        <TextArea id="order-title" value={title} onUpdate={setTitle} minRows={2} placeholder="Об утверждении комплексного плана мероприятий …" {...invalid(error('title'))} />
      </Field>
      <Field label="Место издания" id="order-place" error={error('place')}>
        <TextInput id="order-place" value={place} onUpdate={setPlace} placeholder="г. Тверь" />
      </Field>
      <Field label="Основание (преамбула)" id="order-basis" error={error('basis')}>
        <TextArea id="order-basis" value={basis} onUpdate={setBasis} minRows={2} placeholder="необязательно" />
      </Field>
      <Field label="Пункты приказа (каждый с новой строки)" id="order-points" wide error={error('points')} hint="Если оставить пустым: «Утвердить … (прилагается)» и «Контроль за исполнением … оставляю за собой»">
        <TextArea id="order-points" value={points} onUpdate={setPoints} minRows={3} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide">
        <Button type="submit" view="action" loading={create.isPending}>
          Создать проект приказа
        </Button>
      </div>
    </form>
  );
}
