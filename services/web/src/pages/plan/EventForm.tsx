import { Button, TextArea, TextInput } from '@gravity-ui/uikit';
import { useState, type FormEvent } from 'react';
import type { PlanEvent } from '../../api/types';
import { ErrorMessage } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';

/** The fields a person edits on an event; «Ответственные» one per line, as the document lists them. */
export interface EventFields {
  number: string | null;
  title: string;
  content: string | null;
  audience: string | null;
  deadline: string;
  expectedResult: string | null;
  responsible: { name: string; raw?: string | null; organizationId?: string | null }[];
}

const FIELDS = ['number', 'title', 'content', 'audience', 'deadline', 'expectedResult', 'responsible'];

/** Add or edit one event; the API's refusal is shown at the field it names (`event.title` or `title`). */
export function EventForm({ event, idPrefix, pending, error, onSave, onCancel, prefix = '' }: {
  event: PlanEvent | null;
  idPrefix: string;
  pending: boolean;
  error: unknown;
  onSave: (fields: EventFields) => void;
  onCancel: () => void;
  /** Where the API puts these fields in its body: '' for an edit, 'event.' for an added event. */
  prefix?: string;
}) {
  const [number, setNumber] = useState(event?.number ?? '');
  const [title, setTitle] = useState(event?.title ?? '');
  const [content, setContent] = useState(event?.content ?? '');
  const [audience, setAudience] = useState(event?.audience ?? '');
  const [deadline, setDeadline] = useState(event?.deadline.raw ?? '');
  const [expectedResult, setExpectedResult] = useState(event?.expectedResult ?? '');
  const [responsible, setResponsible] = useState((event?.responsible ?? []).map((r) => r.name).join('\n'));
  const errorOf = (field: string) => fieldError(error, `${prefix}${field}`, true);
  // A line left as it was keeps the document's own text and its link, so the plan's answers for it still apply.
  const existing = new Map((event?.responsible ?? []).map((r) => [r.name, r]));
  const keptOrNew = (name: string) => {
    const kept = existing.get(name);
    return kept ? { name, raw: kept.raw ?? null, organizationId: kept.organizationId ?? null } : { name };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      number: number.trim() || null,
      title: title.trim(),
      content: content.trim() || null,
      audience: audience.trim() || null,
      deadline: deadline.trim(),
      expectedResult: expectedResult.trim() || null,
      responsible: responsible.split('\n').map((name) => name.trim()).filter(Boolean).map(keptOrNew),
    });
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  const rest = formLevelError(error, FIELDS.map((f) => `${prefix}${f}`));
  return (
    <form className="form-grid event-form" onSubmit={submit} noValidate>
      <Field label="№" id={id('number')} error={errorOf('number')}>
        <TextInput id={id('number')} value={number} onUpdate={setNumber} {...invalid(errorOf('number'))} />
      </Field>
      <Field label="Сроки (как в плане)" id={id('deadline')} error={errorOf('deadline')} hint="например: «Октябрь – ноябрь 2025», «в течение года»">
        <TextInput id={id('deadline')} value={deadline} onUpdate={setDeadline} {...invalid(errorOf('deadline'))} />
      </Field>
      <Field label="Мероприятие" id={id('title')} error={errorOf('title')} wide>
        <TextArea id={id('title')} value={title} onUpdate={setTitle} minRows={2} {...invalid(errorOf('title'))} />
      </Field>
      <Field label="Содержание" id={id('content')} error={errorOf('content')}>
        <TextArea id={id('content')} value={content} onUpdate={setContent} minRows={2} />
      </Field>
      <Field label="Целевая аудитория" id={id('audience')} error={errorOf('audience')}>
        <TextArea id={id('audience')} value={audience} onUpdate={setAudience} minRows={2} />
      </Field>
      <Field label="Ответственные (каждый с новой строки)" id={id('responsible')} error={errorOf('responsible')}>
        <TextArea id={id('responsible')} value={responsible} onUpdate={setResponsible} minRows={2} />
      </Field>
      <Field label="Ожидаемый результат" id={id('expectedResult')} error={errorOf('expectedResult')}>
        <TextArea id={id('expectedResult')} value={expectedResult} onUpdate={setExpectedResult} minRows={2} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide">
        <Button type="submit" view="action" loading={pending}>
          Сохранить мероприятие
        </Button>
        <Button view="flat" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
