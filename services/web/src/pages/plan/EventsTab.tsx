import { Button, Checkbox, DropdownMenu } from '@gravity-ui/uikit';
import { Fragment, useState } from 'react';
import { api, ok } from '../../api/client';
import type { Plan, PlanEvent, PlanSection } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmButton';
import { ErrorMessage, Success } from '../../components/Feedback';
import { useUrlState } from '../../components/url-state';
import { EventForm, type EventFields } from './EventForm';
import { usePlanEdit } from './plan-edit';
import { ScheduleCell } from './ScheduleCell';
import { ALL_SECTIONS, SectionTools, sectionName } from './SectionTools';

type Editing = { kind: 'event'; eventId: string } | { kind: 'new'; sectionId: string } | null;
const path = (plan: Plan, eventId: string) => ({ path: { id: plan.id, eventId } });

/**
 * The plan's table, one section at a time (or all of them); a draft's editor changes, adds, moves, splits, merges
 * and removes events in place, and renames, moves, adds and removes sections.
 */
export function EventsTab({ plan, editable }: { plan: Plan; editable: boolean }) {
  const { values, set } = useUrlState(['section'] as const);
  const shown = values.section === ALL_SECTIONS || plan.sections.some((s) => s.id === values.section) ? values.section : (plan.sections[0]?.id ?? ALL_SECTIONS);
  const sections = shown === ALL_SECTIONS ? plan.sections : plan.sections.filter((s) => s.id === shown);
  const [editing, setEditing] = useState<Editing>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState<PlanEvent | null>(null);
  const after = (text: string) => () => {
    setEditing(null);
    setDone(text);
  };
  const update = usePlanEdit(plan, (baseVersion, { eventId, fields }: { eventId: string; fields: EventFields }) =>
    ok(api.PATCH('/api/plans/{id}/events/{eventId}', { params: path(plan, eventId), body: { ...fields, baseVersion } })),
  );
  const add = usePlanEdit(plan, (baseVersion, { sectionId, fields }: { sectionId: string; fields: EventFields }) =>
    ok(api.POST('/api/plans/{id}/events', { params: { path: { id: plan.id } }, body: { sectionId, event: fields, baseVersion } })),
  );
  const move = usePlanEdit(plan, (baseVersion, { eventId, sectionId, position }: { eventId: string; sectionId: string; position: number }) =>
    ok(api.POST('/api/plans/{id}/events/{eventId}/move', { params: path(plan, eventId), body: { sectionId, position, baseVersion } })),
  );
  const split = usePlanEdit(plan, (baseVersion, eventId: string) => ok(api.POST('/api/plans/{id}/events/{eventId}/split', { params: path(plan, eventId), body: { baseVersion } })));
  const remove = usePlanEdit(plan, (baseVersion, eventId: string) => ok(api.DELETE('/api/plans/{id}/events/{eventId}', { params: { ...path(plan, eventId), query: { baseVersion } } })));
  const merge = usePlanEdit(plan, (baseVersion, eventIds: string[]) => ok(api.POST('/api/plans/{id}/events/merge', { params: { path: { id: plan.id } }, body: { eventIds, baseVersion } })));
  const failed = [move, split, remove, merge].find((m) => m.isError)?.error;
  const columns = editable ? 7 : 5;

  const actions = (section: PlanSection, event: PlanEvent, index: number) => [
    { text: 'Изменить', action: () => setEditing({ kind: 'event', eventId: event.id }) },
    { text: 'Переместить выше', disabled: index === 0, action: () => move.mutate({ eventId: event.id, sectionId: section.id, position: index - 1 }, { onSuccess: after('Мероприятие перемещено') }) },
    { text: 'Переместить ниже', disabled: index === section.events.length - 1, action: () => move.mutate({ eventId: event.id, sectionId: section.id, position: index + 1 }, { onSuccess: after('Мероприятие перемещено') }) },
    ...((event.subRows?.length ?? 0) > 1 ? [{ text: 'Разделить по строкам', action: () => split.mutate(event.id, { onSuccess: after('Мероприятие разделено') }) }] : []),
    { text: 'Удалить', theme: 'danger' as const, action: () => setRemoving(event) },
  ];

  return (
    <>
      <SectionTools plan={plan} shown={shown} onShow={(section) => set({ section })} editable={editable} />
      <ConfirmDialog
        open={removing !== null}
        question={`Удалить мероприятие «${removing?.title ?? ''}»? В прежних версиях плана оно останется.`}
        confirm="Удалить"
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: after('Мероприятие удалено') })}
        onClose={() => setRemoving(null)}
      />
      {editable && (
        <div className="actions no-print" style={{ marginBottom: 8 }}>
          <Button
            view="outlined"
            disabled={selected.length < 2}
            loading={merge.isPending}
            onClick={() => merge.mutate(selected, { onSuccess: () => { setSelected([]); setDone('Мероприятия объединены'); } })}
          >
            {`Объединить выбранные (${selected.length})`}
          </Button>
          <span className="muted">Изменения сохраняются сразу, каждое — новой версией плана.</span>
        </div>
      )}
      <div aria-live="polite">{done && <Success>{done}</Success>}</div>
      {failed ? <ErrorMessage error={failed} /> : null}
      <div className="table-scroll">
        <table className="plan-table" id="plan-table">
          <thead>
            <tr>
              {editable && <th scope="col"><span className="sr-only">Выбор для объединения</span></th>}
              <th scope="col">№</th>
              <th scope="col">Мероприятие</th>
              <th scope="col">Целевая аудитория</th>
              <th scope="col">Сроки и как они поняты</th>
              <th scope="col">Ответственные</th>
              {editable && <th scope="col"><span className="sr-only">Действия</span></th>}
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.id}>
              <tr className="section-row">
                <th scope="colgroup" colSpan={columns}>
                  {sectionName(section)}
                </th>
              </tr>
              {section.events.map((event, index) => (
                <Fragment key={event.id}>
                  <tr data-event-id={event.id}>
                    {editable && (
                      <td>
                        <Checkbox
                          checked={selected.includes(event.id)}
                          onUpdate={(on) => setSelected((now) => (on ? [...now, event.id] : now.filter((id) => id !== event.id)))}
                          controlProps={{ 'aria-label': `Выбрать мероприятие ${event.number ?? ''} для объединения` }}
                        />
                      </td>
                    )}
                    <td>{event.number ?? ''}</td>
                    <td>
                      <strong className="event-title">{event.title}</strong>
                      {event.content && <div>{event.content}</div>}
                      {event.expectedResult && <div className="muted">Ожидаемый результат: {event.expectedResult}</div>}
                    </td>
                    <td>{event.audience ?? '—'}</td>
                    <td>
                      <ScheduleCell schedule={event.deadline} />
                    </td>
                    <td>
                      {event.responsible.map((r, i) => (
                        <div key={i}>{r.name}</div>
                      ))}
                    </td>
                    {editable && (
                      <td>
                        <DropdownMenu items={actions(section, event, index)} defaultSwitcherProps={{ 'aria-label': `Действия с мероприятием ${event.number ?? event.title}` }} />
                      </td>
                    )}
                  </tr>
                  {editing?.kind === 'event' && editing.eventId === event.id && (
                    <tr>
                      <td colSpan={columns}>
                        <EventForm
                          event={event}
                          idPrefix={`edit-${event.id}`}
                          pending={update.isPending}
                          error={update.error}
                          onCancel={() => setEditing(null)}
                          onSave={(fields) => update.mutate({ eventId: event.id, fields }, { onSuccess: after('Мероприятие сохранено') })}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
              {editable && (
                <tr className="no-print">
                  <td colSpan={columns}>
                    {editing?.kind === 'new' && editing.sectionId === section.id ? (
                      <EventForm
                        event={null}
                        idPrefix={`new-${section.id}`}
                        prefix="event."
                        pending={add.isPending}
                        error={add.error}
                        onCancel={() => setEditing(null)}
                        onSave={(fields) => add.mutate({ sectionId: section.id, fields }, { onSuccess: after('Мероприятие добавлено') })}
                      />
                    ) : (
                      <Button view="flat-secondary" size="s" onClick={() => setEditing({ kind: 'new', sectionId: section.id })}>
                        + мероприятие в раздел
                      </Button>
                    )}
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
