import { Button, Select, Table, Text } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fileForm, ok } from '../../api/client';
import type { OrganizationImportPreview } from '../../api/types';
import { ErrorMessage, Loading, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../../i18n/labels';
import { useMinistries } from '../shared/queries';

type Row = OrganizationImportPreview['rows'][number];

/** Upload of a table (.xlsx or CSV) → the row-by-row report → «Импортировать», which creates every row or none. */
export function OrganizationImport() {
  const client = useQueryClient();
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => ok(api.GET('/api/regions')) });
  const ministries = useMinistries();
  const [file, setFile] = useState<File | null>(null);
  const [regionId, setRegionId] = useState('');
  const [issuerId, setIssuerId] = useState('');
  const preview = useMutation({
    mutationFn: (chosen: File) =>
      ok(
        api.POST('/api/organizations/import/preview', {
          params: { query: { ...(regionId ? { regionId } : {}), ...(issuerId ? { issuerId } : {}) } },
          body: { file: chosen.name },
          bodySerializer: fileForm(chosen),
        }),
      ),
  });
  const confirm = useMutation({
    mutationFn: (batchId: string) => ok(api.POST('/api/organizations/import/{batchId}', { params: { path: { batchId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organizations-search'] }),
  });
  const report = preview.data;
  const clean = report ? report.validCount === report.rowCount : false;
  const columns = [
    { id: 'line', name: 'Строка', template: (r: Row) => r.line },
    { id: 'name', name: 'Наименование', template: (r: Row) => r.name },
    { id: 'kind', name: 'Тип', template: (r: Row) => (r.centerType ? CENTER_TYPE_LABEL[r.centerType] : r.kind ? ORGANIZATION_KIND_LABEL[r.kind] : '—') },
    { id: 'inn', name: 'ИНН', template: (r: Row) => r.inn },
    { id: 'municipality', name: 'Муниципалитет', template: (r: Row) => r.municipality },
    { id: 'problems', name: 'Замечания', template: (r: Row) => (r.problems.length ? <span className="field-error">{r.problems.join('; ')}</span> : 'ок') },
  ];
  return (
    <section id="organization-import" className="panel form-grid" aria-labelledby="org-import-title">
      <Text as="h2" variant="subheader-3" className="wide" id="org-import-title">
        Импорт из таблицы (.xlsx, CSV)
      </Text>
      <p className="muted wide" style={{ margin: 0 }}>
        Столбцы: «Полное наименование», «Краткое наименование», «ИНН», «ОГРН», «Тип», «Муниципалитет», «Вышестоящая организация», «Учредитель», «Адрес», «Часовой пояс».
      </p>
      <Field label="Файл" id="org-import-file">
        <input id="org-import-file" type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); preview.reset(); confirm.reset(); }} />
      </Field>
      <Field label="Регион" id="org-import-region">
        <Select id="org-import-region" width="max" value={[regionId]} options={[{ value: '', content: '— не выбран —' }, ...(regions.data ?? []).map((r) => ({ value: r.id, content: r.name }))]} onUpdate={([v]) => setRegionId(v ?? '')} />
      </Field>
      <Field label="Учредитель центров" id="org-import-issuer">
        <Select id="org-import-issuer" width="max" value={[issuerId]} options={[{ value: '', content: '— не выбран —' }, ...(ministries.data ?? []).map((m) => ({ value: m.id, content: m.shortName ?? m.name }))]} onUpdate={([v]) => setIssuerId(v ?? '')} />
      </Field>
      <div className="actions wide">
        <Button view="outlined" disabled={!file} loading={preview.isPending} onClick={() => file && preview.mutate(file)}>
          Проверить
        </Button>
      </div>
      <div className="wide" aria-live="polite">
        {preview.isPending && <Loading text="Проверка таблицы…" />}
        {preview.isError && <ErrorMessage error={preview.error} />}
        {report && (
          <>
            <p>
              {`Строк: ${report.rowCount}, без замечаний: ${report.validCount}.`}
              {report.newMunicipalities.length > 0 && ` Будут созданы муниципалитеты: ${report.newMunicipalities.join(', ')}.`}
            </p>
            {!clean && <ErrorMessage error={new Error('Исправьте строки с замечаниями в файле и загрузите его снова: импорт идёт целиком или не идёт вовсе.')} />}
            <div className="table-scroll" id="organization-import-preview">
              <Table width="max" wordWrap columns={columns} data={report.rows} />
            </div>
            <div className="actions">
              <Button view="action" disabled={!clean || confirm.isSuccess} loading={confirm.isPending} onClick={() => confirm.mutate(report.batchId)}>
                {`Импортировать ${report.rowCount}`}
              </Button>
            </div>
            {confirm.isError && <ErrorMessage error={confirm.error} />}
            {confirm.data && <Success>{`Импортировано организаций: ${confirm.data.created}, новых муниципалитетов: ${confirm.data.municipalitiesCreated}`}</Success>}
          </>
        )}
      </div>
    </section>
  );
}
