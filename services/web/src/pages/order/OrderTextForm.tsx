import { Button, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Order, Person } from '../../api/types';
import { ErrorMessage, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PersonSelect } from '../people/PersonSelect';
import { pointsOf } from './points';

/** The text as it will be printed: basis and numbered points. */
export function OrderText({ order }: { order: Order }) {
  return (
    <section className="panel" id="order-text" aria-labelledby="order-text-title">
      <Text as="h2" variant="subheader-3" id="order-text-title">
        Текст приказа
      </Text>
      {order.basis && <p>{order.basis}</p>}
      <ol>
        {order.points.map((point, i) => (
          <li key={i}>{point}</li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The text of a draft or returned order: heading, place, basis, points and, before approval, the signatory.
 * The date and number are not here: registration gives them.
 */
export function OrderTextForm({ order }: { order: Order }) {
  const client = useQueryClient();
  const draft = order.status === 'draft';
  const [title, setTitle] = useState(order.title);
  const [place, setPlace] = useState(order.place ?? '');
  const [basis, setBasis] = useState(order.basis ?? '');
  const [points, setPoints] = useState(order.points.join('\n'));
  const [signatory, setSignatory] = useState<Person | null>(null);
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/api/orders/{id}', {
          params: { path: { id: order.id } },
          body: { title: title.trim(), place: place.trim() || null, basis: basis.trim() || null, points: pointsOf(points), ...(draft && signatory ? { signatoryId: signatory.id } : {}) },
        }),
      ),
    onSuccess: (saved) => client.setQueryData(['order', order.id], saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const error = (path: string) => fieldError(save.error, path, true);
  const rest = formLevelError(save.error, ['title', 'place', 'basis', 'points', 'signatoryId']);
  return (
    <form id="order-text-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        {draft ? 'Текст проекта' : 'Доработка текста'}
      </Text>
      <Field label="Заголовок" id="text-title" wide error={error('title')}>
        <TextArea id="text-title" value={title} onUpdate={setTitle} minRows={2} {...invalid(error('title'))} />
      </Field>
      <Field label="Место издания" id="text-place" error={error('place')}>
        <TextInput id="text-place" value={place} onUpdate={setPlace} />
      </Field>
      <Field label="Основание (преамбула)" id="text-basis" error={error('basis')}>
        <TextArea id="text-basis" value={basis} onUpdate={setBasis} minRows={3} />
      </Field>
      <Field label="Пункты приказа (каждый с новой строки)" id="text-points" wide error={error('points')}>
        <TextArea id="text-points" value={points} onUpdate={setPoints} minRows={4} {...invalid(error('points'))} />
      </Field>
      {draft && (
        <PersonSelect
          id="text-signatory"
          label="Сменить подписанта"
          organizationId={order.issuerId}
          value={signatory?.id ?? ''}
          onChange={setSignatory}
          error={error('signatoryId')}
          hint={`Сейчас: ${order.signatory.name}, ${order.signatory.position}`}
        />
      )}
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide" aria-live="polite">
        <Button type="submit" view="action" loading={save.isPending}>
          Сохранить текст
        </Button>
        {save.isSuccess && <Success>Текст сохранён</Success>}
      </div>
    </form>
  );
}
