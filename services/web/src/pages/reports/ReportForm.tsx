import { Button, Checkbox, Select, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fileForm, ok } from '../../api/client';
import type { DuePeriod, Report } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateInput } from '../../components/DateInput';
import { ErrorMessage, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { formatDateTime } from '../../format';
import { OUTCOME_LABEL } from '../../i18n/labels';
import { CATEGORIES, initialRows, itemOf, laterQuarters, type EvidenceFile, type Row } from './report-rows';

type DueEvent = DuePeriod['events'][number];

/** «1.1. Фестиваль робототехники», as the plan numbers the event. */
export const eventName = (event: DueEvent): string => `${event.number ? `${event.number}. ` : ''}${event.title ?? 'мероприятие без названия'}`;

/**
 * A center's report for an open period, or the correction of one sent: for each due event what happened — held
 * (when, from–to, and who took part by category), postponed (to when), not held — with links and files as
 * evidence and a comment. A draft is kept on the server for the organization; a sent report is corrected with a reason.
 */
export function ReportForm({ period, correcting }: { period: DuePeriod; correcting?: Report }) {
  const client = useQueryClient();
  const events = period.events;
  const kind = correcting ? 'correction' : 'report';
  const prefix = `${kind}-${correcting?.id ?? period.id}`;
  const [rows, setRows] = useState<Row[]>(() => initialRows(events, correcting?.items ?? period.draft?.items));
  const [reason, setReason] = useState('');
  // One key per form: a submission retried after a lost answer is stored once.
  const [idempotencyKey] = useState(randomKey);
  const change = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const items = () => rows.map((row, i) => itemOf(events[i].id, row));
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['due-periods'], refetchType: correcting ? 'active' : 'none' });
    void client.invalidateQueries({ queryKey: ['reports'] });
  };
  const draft = useMutation({
    mutationFn: () => ok(api.POST('/api/reports/draft', { body: { periodId: period.id, items: items() } })),
  });
  const submit = useMutation({
    mutationFn: () =>
      correcting
        ? ok(api.POST('/api/reports/{id}/corrections', { params: { path: { id: correcting.id } }, body: { items: items(), reason, idempotencyKey } }))
        : ok(api.POST('/api/reports', { body: { periodId: period.id, items: items(), idempotencyKey } })),
    onSuccess: refresh,
  });
  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    if (!correcting) draft.mutate();
  };
  const error = (index: number, field: string, nested = false) => fieldError(submit.error ?? draft.error, `items.${index}.${field}`, nested);
  const rest = formLevelError(submit.error ?? draft.error, ['items', 'reason']);
  const title = `${period.quarter} квартал ${period.year} г.`;
  if (submit.isSuccess) {
    return <Success>{correcting ? `Исправление отчёта за ${title} принято (редакция ${submit.data.revision})` : `Отчёт за ${title} принят${submit.data.late ? `, с опозданием на ${submit.data.daysLate} дн.` : ''}`}</Success>;
  }
  return (
    <form className="report-form" id={`${kind}-form-${correcting?.id ?? period.id}`} onSubmit={saveDraft} noValidate>
      <Text as="h2" variant="subheader-3">{correcting ? `Исправление отчёта за ${title}` : `Отчёт за ${title}`}</Text>
      {events.map((event, i) => (
        <EventFields
          key={event.id}
          id={`${prefix}-${i}`}
          name={eventName(event)}
          period={period}
          row={rows[i]}
          onChange={(patch) => change(i, patch)}
          error={(field, nested) => error(i, field, nested)}
        />
      ))}
      {correcting && (
        <Field label="Причина исправления" id={`${prefix}-reason`} error={fieldError(submit.error, 'reason')} wide>
          <TextArea id={`${prefix}-reason`} value={reason} onUpdate={setReason} minRows={2} {...invalid(fieldError(submit.error, 'reason'))} />
        </Field>
      )}
      {rest ? <ErrorMessage error={rest} /> : null}
      <div className="actions" aria-live="polite">
        {!correcting && (
          <Button type="submit" view="outlined" loading={draft.isPending}>
            Сохранить черновик
          </Button>
        )}
        <ConfirmButton
          id={`${kind}-submit-${correcting?.id ?? period.id}`}
          question={correcting ? 'Отправить исправление? Прежняя редакция сохранится, министерство увидит причину.' : 'Отправить отчёт? Изменить его потом можно только исправлением с указанием причины.'}
          confirm="Отправить"
          loading={submit.isPending}
          onConfirm={() => submit.mutate()}
        >
          {correcting ? 'Отправить исправление' : 'Отправить отчёт'}
        </ConfirmButton>
        {draft.isSuccess && !draft.isPending && <span className="ok">{`Черновик сохранён ${formatDateTime(draft.data.savedAt)}`}</span>}
        {!draft.isSuccess && period.draft && !correcting && <span className="muted">{`Черновик от ${formatDateTime(period.draft.savedAt)}`}</span>}
      </div>
    </form>
  );
}

/** 32 hex digits; `crypto.getRandomValues` works on plain http too, where `randomUUID` is missing. */
const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The fields of one due event: those its outcome asks for, each with its error under it. */
function EventFields({
  id,
  name,
  period,
  row,
  onChange,
  error,
}: {
  id: string;
  name: string;
  period: DuePeriod;
  row: Row;
  onChange: (patch: Partial<Row>) => void;
  error: (field: string, nested?: boolean) => string | undefined;
}) {
  const held = row.outcome === 'held' || row.outcome === 'partly';
  const upload = useMutation({
    mutationFn: (file: File) => ok(api.POST('/api/reports/files', { params: { query: { periodId: period.id } }, body: { file: file.name }, bodySerializer: fileForm(file) })),
    onSuccess: (file) => onChange({ files: [...row.files, file] }),
  });
  const confirmAsked = Boolean(error('participantsConfirmed')) || row.participantsConfirmed;
  return (
    <fieldset className="report-item form-grid" data-event-id={id}>
      <legend>{name}</legend>
      <Field label="Итог" id={`${id}-outcome`} error={error('outcome')}>
        <Select
          id={`${id}-outcome`}
          width="max"
          value={[row.outcome]}
          options={Object.entries(OUTCOME_LABEL).map(([value, content]) => ({ value, content }))}
          onUpdate={([value]) => onChange({ outcome: value as Row['outcome'] })}
          {...invalid(error('outcome'))}
        />
      </Field>
      {held && (
        <>
          <Field label="Проведено с" id={`${id}-held-from`} error={error('heldFrom')}>
            <DateInput id={`${id}-held-from`} value={row.heldFrom} onChange={(heldFrom) => onChange({ heldFrom })} invalid={Boolean(error('heldFrom'))} />
          </Field>
          <Field label="по" id={`${id}-held-to`} error={error('heldTo')} hint="для однодневного — пусто или та же дата">
            <DateInput id={`${id}-held-to`} value={row.heldTo} onChange={(heldTo) => onChange({ heldTo })} invalid={Boolean(error('heldTo'))} />
          </Field>
          {CATEGORIES.map(([category, label]) => (
            <Field key={category} label={label} id={`${id}-${category}`} error={error(`attendance.${category}`) ?? (category === 'students' ? error('attendance') : undefined)}>
              <TextInput
                id={`${id}-${category}`}
                type="number"
                value={row[category]}
                onUpdate={(value) => onChange({ [category]: value, participantsConfirmed: false })}
                controlProps={{ min: 0, inputMode: 'numeric' }}
                {...invalid(error(`attendance.${category}`))}
              />
            </Field>
          ))}
          {confirmAsked && (
            <div className="field wide">
              <Checkbox id={`${id}-confirm`} checked={row.participantsConfirmed} onUpdate={(participantsConfirmed) => onChange({ participantsConfirmed })}>
                Число участников верно
              </Checkbox>
              {error('participantsConfirmed') && (
                <span className="field-error" role="alert">
                  {error('participantsConfirmed')}
                </span>
              )}
            </div>
          )}
        </>
      )}
      {row.outcome === 'postponed' && (
        <>
          <Field label="Перенесено на дату" id={`${id}-postponed-date`} error={error('postponedToDate')}>
            <DateInput id={`${id}-postponed-date`} value={row.postponedToDate} onChange={(postponedToDate) => onChange({ postponedToDate, postponedToQuarter: '' })} invalid={Boolean(error('postponedToDate'))} />
          </Field>
          <Field label="или на квартал" id={`${id}-postponed-quarter`} error={error('postponedToQuarter', true)}>
            <Select
              id={`${id}-postponed-quarter`}
              width="max"
              value={row.postponedToQuarter ? [row.postponedToQuarter] : []}
              placeholder="не выбран"
              options={laterQuarters(period.year, period.quarter)}
              onUpdate={([value]) => onChange({ postponedToQuarter: value ?? '', postponedToDate: '' })}
              {...invalid(error('postponedToQuarter', true))}
            />
          </Field>
        </>
      )}
      <Field label="Ссылки на публикации (по одной в строке)" id={`${id}-links`} error={error('links', true)} wide>
        <TextArea id={`${id}-links`} value={row.links} onUpdate={(links) => onChange({ links })} minRows={1} placeholder="https://…" {...invalid(error('links', true))} />
      </Field>
      <Field label="Файлы-подтверждения (PDF, JPEG, PNG, DOCX)" id={`${id}-file`} error={upload.error ? (upload.error as Error).message : error('files', true)} wide>
        <input
          id={`${id}-file`}
          className="native-input"
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png"
          aria-invalid={Boolean(upload.error ?? error('files', true)) || undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) upload.mutate(file);
          }}
        />
        {upload.isPending && <span className="muted">Загрузка…</span>}
        {row.files.length > 0 && (
          <ul className="evidence-files">
            {row.files.map((file: EvidenceFile) => (
              <li key={file.id}>
                <a href={`/api/reports/files/${file.id}`}>{file.name}</a>{' '}
                <Button view="flat" size="s" onClick={() => onChange({ files: row.files.filter((f) => f.id !== file.id) })} extraProps={{ 'aria-label': `Убрать файл «${file.name}»` }}>
                  Убрать
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label="Комментарий" id={`${id}-comment`} error={error('comment')} wide>
        <TextInput id={`${id}-comment`} value={row.comment} onUpdate={(comment) => onChange({ comment })} {...invalid(error('comment'))} />
      </Field>
    </fieldset>
  );
}
