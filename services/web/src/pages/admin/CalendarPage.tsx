import { Alert, Button, Select, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { CalendarYear } from '../../api/types';
import { ErrorMessage, QueryView, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { formatDate } from '../../format';

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const ORIGIN_LABEL: Record<CalendarYear['origin'], string> = {
  stored: 'сохранён администратором',
  'built-in': 'встроенные данные постановления',
  rule: 'только по ст. 112 ТК РФ',
};
const ISO = '(\\d{4}-\\d{2}-\\d{2})';

/**
 * The production calendar deadlines are counted by: a year's days off, its decree, and the administrator's
 * form to store the decree's transfers and an issuer's regional holidays (a stored year replaces the built-in one).
 */
export default function CalendarPage() {
  const { values, set } = useUrlState(['year', 'issuerId'] as const);
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : new Date().getFullYear();
  const calendar = useQuery({
    queryKey: ['calendar', year, values.issuerId],
    queryFn: () => ok(api.GET('/api/calendar/{year}', { params: { path: { year }, query: values.issuerId ? { issuerId: values.issuerId } : {} } })),
  });
  const ministries = useQuery({ queryKey: ['organizations-all'], queryFn: () => ok(api.GET('/api/organizations')), select: (all) => all.filter((o) => o.kind === 'ministry') });
  return (
    <>
      <PageTitle title="Производственный календарь">Производственный календарь</PageTitle>
      <div className="filters">
        <Field label="Год" id="calendar-year">
          <TextInput id="calendar-year" type="number" value={String(year)} onUpdate={(text) => set({ year: text })} />
        </Field>
        <Field label="Региональные праздники министерства" id="calendar-issuer">
          <Select
            id="calendar-issuer"
            width="max"
            hasClear
            value={values.issuerId ? [values.issuerId] : []}
            placeholder="Только федеральные дни"
            loading={ministries.isPending}
            options={(ministries.data ?? []).map((o) => ({ value: o.id, content: o.shortName ?? o.name }))}
            onUpdate={([id]) => set({ issuerId: id ?? '' })}
          />
        </Field>
      </div>
      <QueryView query={calendar} loading="Загрузка календаря…">
        {(shown) => (
          <>
            <YearView shown={shown} />
            <YearForm key={`${shown.year}-${shown.updatedAt ?? shown.origin}-${values.issuerId}`} shown={shown} issuerId={values.issuerId} />
          </>
        )}
      </QueryView>
    </>
  );
}

function YearView({ shown }: { shown: CalendarYear }) {
  return (
    <section className="panel" id="calendar-year-view" aria-label={`Календарь на ${shown.year} год`}>
      <p>
        <b>Основание:</b> {shown.source} <span className="muted">({ORIGIN_LABEL[shown.origin]})</span>
      </p>
      {shown.warning && <Alert theme="warning" title="Постановления о переносе выходных дней нет" message={`${shown.warning}. Сроки отчётов в этом году могут сдвинуться.`} />}
      <p>{`Рабочих дней при пятидневной неделе: ${shown.workingDays}; нерабочих: ${shown.daysOff.length}`}</p>
      <p>
        {shown.workingWeekendDays.length
          ? `Рабочие субботы и воскресенья: ${shown.workingWeekendDays.map(formatDate).join(', ')}`
          : 'Рабочих суббот и воскресений нет'}
      </p>
      <dl className="calendar-months">
        {MONTHS.map((name, index) => {
          const prefix = `${shown.year}-${String(index + 1).padStart(2, '0')}-`;
          return (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{shown.daysOff.filter((date) => date.startsWith(prefix)).map((date) => Number(date.slice(8))).join(', ')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The filled lines of a text area, each read by `pattern`; a line it does not fit is named in the error with the form expected. */
function parseLines<T>(text: string, pattern: RegExp, make: (match: RegExpExecArray) => T, what: string, form: string): T[] {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.map((line, index) => {
    const match = pattern.exec(line);
    if (!match) throw new Error(`${what}, строка ${index + 1}: «${line}» не разобрана; ожидается ${form}`);
    return make(match);
  });
}

function YearForm({ shown, issuerId }: { shown: CalendarYear; issuerId: string }) {
  const client = useQueryClient();
  const [source, setSource] = useState(shown.origin === 'rule' ? '' : shown.source);
  const [transfers, setTransfers] = useState(shown.transfers.map((t) => `${t.from} → ${t.to}`).join('\n'));
  const own = shown.regionalHolidays.filter((h) => h.issuerId === issuerId);
  const [holidays, setHolidays] = useState(own.map((h) => `${h.date} ${h.title}`).join('\n'));
  const [parseError, setParseError] = useState<Error | null>(null);
  useEffect(() => setParseError(null), [transfers, holidays]);
  const save = useMutation({
    mutationFn: (body: { source: string; transfers: CalendarYear['transfers']; regionalHolidays: CalendarYear['regionalHolidays'] }) =>
      ok(api.PUT('/api/calendar/{year}', { params: { path: { year: shown.year } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['calendar', shown.year] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const parsedTransfers = parseLines(transfers, new RegExp(`^${ISO}\\s*(?:→|->|—|-|\\s)\\s*${ISO}$`), (m) => ({ from: m[1], to: m[2] }), 'Переносы', '«ГГГГ-ММ-ДД → ГГГГ-ММ-ДД»');
      const parsedHolidays = issuerId ? parseLines(holidays, new RegExp(`^${ISO}\\s+(.+)$`), (m) => ({ issuerId, date: m[1], title: m[2] }), 'Региональные праздники', '«ГГГГ-ММ-ДД Название праздника»') : [];
      // The other ministries' holidays stay as they are: the year is stored as a whole.
      const others = shown.regionalHolidays.filter((h) => h.issuerId !== issuerId);
      save.mutate({ source: source.trim(), transfers: parsedTransfers, regionalHolidays: [...others, ...parsedHolidays] });
    } catch (error) {
      setParseError(error as Error);
    }
  };
  const error = (path: string) => fieldError(save.error, path, true);
  const rest = formLevelError(save.error, ['source', 'transfers', 'regionalHolidays']);
  return (
    <form id="calendar-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        {`Переносы выходных дней в ${shown.year} году`}
      </Text>
      <Field label="Основание" id="calendar-source" error={error('source')} hint="номер и дата постановления Правительства РФ о переносе выходных дней" wide>
        <TextInput id="calendar-source" value={source} onUpdate={setSource} {...invalid(error('source'))} />
      </Field>
      <Field label="Переносы, по одному в строке" id="calendar-transfers" error={error('transfers')} hint="«2027-01-02 → 2027-05-04»: выходной с субботы или воскресенья переносится на будний день">
        <TextArea id="calendar-transfers" value={transfers} onUpdate={setTransfers} minRows={5} {...invalid(error('transfers'))} />
      </Field>
      <Field
        label="Региональные праздники выбранного министерства"
        id="calendar-holidays"
        error={error('regionalHolidays')}
        hint={issuerId ? '«2027-08-30 День Республики», по одному в строке' : 'выберите министерство вверху, чтобы задать его праздники'}
      >
        <TextArea id="calendar-holidays" value={holidays} onUpdate={setHolidays} minRows={5} disabled={!issuerId} {...invalid(error('regionalHolidays'))} />
      </Field>
      {parseError ? <div className="wide"><ErrorMessage error={parseError} /></div> : null}
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide" aria-live="polite">
        <Button type="submit" view="action" loading={save.isPending}>
          Сохранить год
        </Button>
        {save.isSuccess && <Success>{`Сохранено: ${save.data.workingDays} рабочих дней в ${save.data.year} году`}</Success>}
      </div>
    </form>
  );
}
