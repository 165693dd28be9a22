import { Select } from '@gravity-ui/uikit';
import { Field } from '../../components/Field';
import { invalid } from '../../components/field-errors';
import { useMinistries } from './queries';

/** «Издатель»: a ministry of the registry; with `anyLabel` an empty choice stands for «все». */
export function IssuerSelect({ id, value, onChange, anyLabel, error, label = 'Издатель' }: { id: string; value: string; onChange: (id: string) => void; anyLabel?: string; error?: string; label?: string }) {
  const ministries = useMinistries();
  const options = [
    ...(anyLabel ? [{ value: '', content: anyLabel }] : []),
    ...(ministries.data ?? []).map((m) => ({ value: m.id, content: m.shortName ?? m.name })),
  ];
  return (
    <Field label={label} id={id} error={error}>
      <Select
        id={id}
        width="max"
        value={[value]}
        options={options}
        onUpdate={([chosen]) => onChange(chosen ?? '')}
        loading={ministries.isPending}
        placeholder={ministries.data?.length === 0 ? 'Сначала добавьте министерство' : 'Выберите'}
        filterable={options.length > 8}
        {...invalid(error)}
      />
    </Field>
  );
}
