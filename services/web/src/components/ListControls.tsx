import { Select, TextInput } from '@gravity-ui/uikit';
import { Field } from './Field';

/** The years a list can be narrowed to: from the first plans kept in the system to the next year. */
const FIRST_YEAR = 2019;

export function YearSelect({ id, value, onChange }: { id: string; value: string; onChange: (year: string) => void }) {
  const last = new Date().getFullYear() + 1;
  const years = Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => String(last - i));
  return (
    <Field label="Год" id={id}>
      <Select id={id} width="max" value={[value]} options={[{ value: '', content: 'все' }, ...years.map((y) => ({ value: y, content: y }))]} onUpdate={([year]) => onChange(year ?? '')} />
    </Field>
  );
}

/** One choice of order per option: the field and its direction, kept in the address as `sort` and `dir`. */
export interface SortOption {
  sort: string;
  dir: 'asc' | 'desc';
  label: string;
}

export function SortSelect({ id, options, sort, dir, onChange }: { id: string; options: SortOption[]; sort: string; dir: string; onChange: (sort: string, dir: string) => void }) {
  const current = `${sort || options[0].sort}:${dir || options[0].dir}`;
  return (
    <Field label="Порядок" id={id}>
      <Select
        id={id}
        width="max"
        value={[current]}
        options={options.map((o) => ({ value: `${o.sort}:${o.dir}`, content: o.label }))}
        onUpdate={([value]) => {
          const [nextSort, nextDir] = (value ?? '').split(':');
          onChange(nextSort ?? '', nextDir ?? '');
        }}
      />
    </Field>
  );
}

export function SearchInput({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (q: string) => void }) {
  return (
    <Field label={label} id={id}>
      <TextInput id={id} type="search" value={value} onUpdate={onChange} hasClear />
    </Field>
  );
}
