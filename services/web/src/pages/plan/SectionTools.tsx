import { Button, Select, TextInput } from '@gravity-ui/uikit';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Plan, PlanSection } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { usePlanEdit } from './plan-edit';

/** «Все разделы» in the section choice. */
export const ALL_SECTIONS = 'all';

export const sectionName = (section: PlanSection): string => [section.number, section.title].filter(Boolean).join('. ');

/**
 * Which section the table shows (kept in the address: a 57-event plan is thousands of pixels tall at once) and, in
 * a draft, the section's own edits: rename, move, remove, and a new section.
 */
export function SectionTools({ plan, shown, onShow, editable }: { plan: Plan; shown: string; onShow: (section: string) => void; editable: boolean }) {
  const [form, setForm] = useState<'rename' | 'new' | null>(null);
  const [done, setDone] = useState('');
  const section = plan.sections.find((s) => s.id === shown);
  const index = section ? plan.sections.indexOf(section) : -1;
  const move = usePlanEdit(plan, (baseVersion, position: number) =>
    ok(api.POST('/api/plans/{id}/sections/{sectionId}/move', { params: { path: { id: plan.id, sectionId: shown } }, body: { position, baseVersion } })),
  );
  const remove = usePlanEdit(plan, (baseVersion) =>
    ok(api.DELETE('/api/plans/{id}/sections/{sectionId}', { params: { path: { id: plan.id, sectionId: shown }, query: { baseVersion } } })),
  );
  const finished = (text: string) => () => {
    setForm(null);
    setDone(text);
  };
  const events = (s: PlanSection) => `мероприятий: ${s.events.length}`;
  return (
    <div className="panel no-print" id="section-tools">
      <div className="filters" style={{ marginBottom: 0 }}>
        <Field label="Раздел плана" id="plan-section">
          <Select
            id="plan-section"
            width="max"
            filterable={plan.sections.length > 8}
            value={[shown]}
            options={[
              { value: ALL_SECTIONS, content: `Все разделы (${plan.sections.length})` },
              ...plan.sections.map((s) => ({ value: s.id, content: `${sectionName(s)} — ${events(s)}` })),
            ]}
            onUpdate={([next]) => {
              setForm(null);
              setDone('');
              onShow(next ?? ALL_SECTIONS);
            }}
          />
        </Field>
        {editable && (
          <div className="actions">
            {section && (
              <>
                <Button view="outlined" onClick={() => setForm(form === 'rename' ? null : 'rename')}>
                  Переименовать раздел
                </Button>
                <Button view="outlined" disabled={index === 0} loading={move.isPending} onClick={() => move.mutate(index - 1, { onSuccess: finished('Раздел перемещён выше') })}>
                  Выше
                </Button>
                <Button view="outlined" disabled={index === plan.sections.length - 1} loading={move.isPending} onClick={() => move.mutate(index + 1, { onSuccess: finished('Раздел перемещён ниже') })}>
                  Ниже
                </Button>
                <ConfirmButton
                  view="outlined-danger"
                  question={`Удалить раздел «${sectionName(section)}» вместе с его мероприятиями (${section.events.length})? В прежних версиях плана он останется.`}
                  confirm="Удалить"
                  loading={remove.isPending}
                  onConfirm={() => remove.mutate(undefined, { onSuccess: () => { finished('Раздел удалён')(); onShow(ALL_SECTIONS); } })}
                >
                  Удалить раздел
                </ConfirmButton>
              </>
            )}
            <Button view="outlined" onClick={() => setForm(form === 'new' ? null : 'new')}>
              + раздел
            </Button>
          </div>
        )}
      </div>
      <div aria-live="polite">{done && <Success>{done}</Success>}</div>
      {[move, remove].map((m, i) => (m.isError ? <ErrorMessage key={i} error={m.error} /> : null))}
      {form === 'rename' && section && <SectionForm plan={plan} section={section} onDone={finished('Раздел переименован')} onCancel={() => setForm(null)} />}
      {form === 'new' && (
        <SectionForm
          plan={plan}
          section={null}
          onDone={(next) => {
            finished('Раздел добавлен')();
            onShow(next.sections[next.sections.length - 1].id);
          }}
          onCancel={() => setForm(null)}
        />
      )}
    </div>
  );
}

/** A section's number and title: renamed, or a new one added at the end of the plan. */
function SectionForm({ plan, section, onDone, onCancel }: { plan: Plan; section: PlanSection | null; onDone: (plan: Plan) => void; onCancel: () => void }) {
  const [number, setNumber] = useState(section?.number ?? String(plan.sections.length + 1));
  const [title, setTitle] = useState(section?.title ?? '');
  const save = usePlanEdit(plan, (baseVersion, fields: { number: string | null; title: string }) =>
    section
      ? ok(api.PATCH('/api/plans/{id}/sections/{sectionId}', { params: { path: { id: plan.id, sectionId: section.id } }, body: { ...fields, baseVersion } }))
      : ok(api.POST('/api/plans/{id}/sections', { params: { path: { id: plan.id } }, body: { section: fields, baseVersion } })),
  );
  // A new section's fields sit under `section.` in the body.
  const prefix = section ? '' : 'section.';
  const error = (field: string) => fieldError(save.error, `${prefix}${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ number: number.trim() || null, title: title.trim() }, { onSuccess: onDone });
  };
  const id = section ? 'section-edit' : 'section-new';
  const rest = formLevelError(save.error, [`${prefix}number`, `${prefix}title`]);
  return (
    <form className="form-grid section-form" id={`${id}-form`} onSubmit={submit} noValidate style={{ marginTop: 12 }}>
      <Field label="№ раздела" id={`${id}-number`} error={error('number')}>
        <TextInput id={`${id}-number`} value={number} onUpdate={setNumber} {...invalid(error('number'))} />
      </Field>
      <Field label="Название раздела" id={`${id}-title`} error={error('title')} wide>
        <TextInput id={`${id}-title`} value={title} onUpdate={setTitle} {...invalid(error('title'))} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide">
        <Button type="submit" view="action" loading={save.isPending}>
          {section ? 'Сохранить раздел' : 'Добавить раздел'}
        </Button>
        <Button view="flat" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
