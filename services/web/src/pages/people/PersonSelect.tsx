import { Select } from '@gravity-ui/uikit';
import type { Person } from '../../api/types';
import { Field } from '../../components/Field';
import { invalid } from '../../components/field-errors';
import { usePeople } from '../shared/queries';
import { positionOf } from './person-choice';

/** A person of the organization's staff (the registry's «Сотрудники»), by name and position. */
export function PersonSelect({ id, label, organizationId, value, onChange, error, hint }: {
  id: string;
  label: string;
  organizationId: string;
  value: string;
  onChange: (person: Person | null) => void;
  error?: string;
  hint?: string;
}) {
  const people = usePeople(organizationId);
  const staff = people.data ?? [];
  return (
    <Field label={label} id={id} error={error ?? (people.data?.length === 0 ? 'В организации нет сотрудников: администратор добавляет их в разделе «Сотрудники»' : undefined)} hint={hint}>
      <Select
        id={id}
        width="max"
        value={value ? [value] : []}
        placeholder="Выберите сотрудника"
        loading={people.isPending}
        filterable={staff.length > 8}
        options={staff.map((p) => ({ value: p.id, content: `${p.fullName} — ${positionOf(p)}` }))}
        onUpdate={([chosen]) => onChange(staff.find((p) => p.id === chosen) ?? null)}
        {...invalid(error)}
      />
    </Field>
  );
}
