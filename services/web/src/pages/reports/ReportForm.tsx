import { Button, Select, Text, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { DuePeriod, Outcome, ReportBody } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateInput } from '../../components/DateInput';
import { ErrorMessage, Success } from '../../components/Feedback';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { OUTCOME_LABEL } from '../../i18n/labels';

type Item = ReportBody['items'][number];
interface Row {
  outcome: Outcome;
  heldOn: string;
  participants: string;
  comment: string;
}

type DueEvent = DuePeriod['events'][number];

/** «1.1. Фестиваль робототехники», as the plan numbers the event. */
export const eventName = (event: DueEvent): string => `${event.number ? `${event.number}. ` : ''}${event.title ?? 'мероприятие без названия'}`;

const draftKey = (period: DuePeriod, organizationId: string) => `eduplan-report-draft:${period.id}:${organizationId}`;
const emptyRow = (): Row => ({ outcome: 'held', heldOn: '', participants: '', comment: '' });

function loadDraft(key: string, events: DueEvent[]): Row[] {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Row[] | null;
    if (Array.isArray(saved) && saved.length === events.length) return saved;
  } catch {
    // A damaged draft is dropped: the form starts empty.
  }
  return events.map(emptyRow);
}

/**
 * A center's report for an open period: for each of its due events, what happened, when and how many took part.
 * A draft is kept in this browser until it is sent; sending is asked first, since a sent report is final.
 */
export function ReportForm({ period, organizationId }: { period: DuePeriod; organizationId: string }) {
  const client = useQueryClient();
  const events = period.events;
  const key = draftKey(period, organizationId);
  const [rows, setRows] = useState<Row[]>(() => loadDraft(key, events));
  const [saved, setSaved] = useState(false);
  const change = (index: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const items = (): Item[] =>
    rows.map((row, i) => ({
      eventId: events[i].id,
      outcome: row.outcome,
      heldOn: row.heldOn || null,
      participants: row.participants === '' ? null : Number(row.participants),
      comment: row.comment.trim() || null,
    }));
  const submit = useMutation({
    mutationFn: () => ok(api.POST('/api/reports', { body: { periodId: period.id, items: items() } })),
    onSuccess: () => {
      localStorage.removeItem(key);
      // Not refetched now: the period would leave the page with the confirmation; the start page reads it afresh.
      void client.invalidateQueries({ queryKey: ['due-periods'], refetchType: 'none' });
      void client.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    localStorage.setItem(key, JSON.stringify(rows));
    setSaved(true);
  };
  const error = (index: number, field: string) => fieldError(submit.error, `items.${index}.${field}`);
  const rest = formLevelError(submit.error, ['items']);
  if (submit.isSuccess) return <Success>{`Отчёт за ${period.quarter} квартал ${period.year} г. принят`}</Success>;
  return (
    <form className="report-form" id={`report-form-${period.id}`} onSubmit={saveDraft} noValidate>
      <Text as="h2" variant="subheader-3">{`Отчёт за ${period.quarter} квартал ${period.year} г.`}</Text>
      <div className="table-scroll">
        <table className="plan-table">
          <thead>
            <tr>
              <th scope="col">Мероприятие</th>
              <th scope="col">Итог</th>
              <th scope="col">Дата проведения</th>
              <th scope="col">Участников</th>
              <th scope="col">Комментарий</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, i) => {
              const name = eventName(event);
              return (
                <tr key={event.id} className="report-item" data-event-id={event.id}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    {name}
                  </th>
                  <td>
                    <Select
                      width={180}
                      value={[rows[i].outcome]}
                      options={Object.entries(OUTCOME_LABEL).map(([value, content]) => ({ value, content }))}
                      onUpdate={([v]) => change(i, { outcome: v as Outcome })}
                      id={`outcome-${period.id}-${i}`}
                      title={`Итог: ${name}`}
                      {...invalid(error(i, 'outcome'))}
                    />
                    <label className="sr-only" htmlFor={`outcome-${period.id}-${i}`}>{`Итог: ${name}`}</label>
                  </td>
                  <td>
                    <DateInput id={`held-on-${period.id}-${i}`} label={`Дата проведения: ${name}`} value={rows[i].heldOn} onChange={(heldOn) => change(i, { heldOn })} invalid={Boolean(error(i, 'heldOn'))} />
                    {error(i, 'heldOn') && <div className="field-error" role="alert">{error(i, 'heldOn')}</div>}
                  </td>
                  <td>
                    <TextInput
                      type="number"
                      value={rows[i].participants}
                      onUpdate={(participants) => change(i, { participants })}
                      controlProps={{ 'aria-label': `Участников: ${name}`, min: 0 }}
                      {...invalid(error(i, 'participants'))}
                    />
                    {error(i, 'participants') && <div className="field-error" role="alert">{error(i, 'participants')}</div>}
                  </td>
                  <td>
                    <TextInput value={rows[i].comment} onUpdate={(comment) => change(i, { comment })} controlProps={{ 'aria-label': `Комментарий: ${name}` }} {...invalid(error(i, 'comment'))} />
                    {error(i, 'comment') && <div className="field-error" role="alert">{error(i, 'comment')}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rest ? <ErrorMessage error={rest} /> : null}
      <div className="actions" aria-live="polite">
        <Button type="submit" view="outlined">
          Сохранить черновик
        </Button>
        <ConfirmButton
          id={`report-submit-${period.id}`}
          question="Отправить отчёт? После отправки его нельзя изменить."
          confirm="Отправить"
          loading={submit.isPending}
          onConfirm={() => submit.mutate()}
        >
          Отправить отчёт
        </ConfirmButton>
        {saved && <span className="ok">Черновик сохранён в этом браузере</span>}
      </div>
    </form>
  );
}
