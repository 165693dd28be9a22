import { Button, Text, TextArea } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, fileForm, ok } from '../../api/client';
import type { ImportPreview } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, invalid } from '../../components/field-errors';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatInterval } from '../../format';
import { ORDER_KIND_LABEL } from '../../i18n/labels';
import { IssuerSelect } from '../shared/IssuerSelect';
import { ImportSteps } from './ImportSteps';

/**
 * Import of a plan document, in steps: the file is read on the server and shown before anything is stored; only
 * «Создать план» writes it, whole; the plan's «Ответственные» are then linked to organizations on its page.
 */
export default function PlanImportPage() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [issuerId, setIssuerId] = useState('');
  const [title, setTitle] = useState('');
  const preview = useMutation({
    mutationFn: (chosen: File) => ok(api.POST('/api/plans/import/preview', { body: { file: chosen.name }, bodySerializer: fileForm(chosen) })),
    onSuccess: (read) => setTitle(read.plan.title ?? ''),
  });
  const create = useMutation({
    mutationFn: (imported: ImportPreview) => ok(api.POST('/api/plans/import', { body: { issuerId, imported: { ...imported, plan: { ...imported.plan, title: title.trim() } } } })),
    onSuccess: (plan) => navigate(`/plans/${plan.id}?tab=responsible&imported=1`),
  });
  const read = (event: FormEvent) => {
    event.preventDefault();
    if (file) preview.mutate(file);
  };
  const step = preview.data ? 2 : 1;
  return (
    <>
      <PageTitle title="Импорт плана">Импорт плана из документа</PageTitle>
      <ImportSteps current={step} />
      <form id="plan-import-form" className="panel form-grid" onSubmit={read}>
        <p className="wide muted" style={{ margin: 0 }}>
          Файл .docx, книга Excel .xlsx (план на листе с шапкой таблицы), PDF с текстовым слоем (не скан) или текст, выгруженный из Word/PDF (.txt). Сначала показывается, что распознано; план создаётся только после подтверждения.
        </p>
        <Field label="Файл плана" id="plan-file">
          <input
            id="plan-file"
            name="file"
            type="file"
            accept=".docx,.xlsx,.pdf,.txt,text/plain,application/pdf"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              preview.reset();
            }}
          />
        </Field>
        <IssuerSelect id="plan-issuer" label="Издатель (министерство)" value={issuerId} onChange={setIssuerId} error={fieldError(create.error, 'issuerId')} />
        <div className="actions wide">
          <Button type="submit" view={step === 1 ? 'action' : 'outlined'} disabled={!file} loading={preview.isPending}>
            Проверить файл
          </Button>
        </div>
        {preview.isPending && <Loading text="Чтение файла: разделы, мероприятия, сроки…" />}
        {preview.isError && <ErrorMessage error={preview.error} />}
      </form>
      {preview.data && (
        <section id="import-confirm-form" className="panel form-grid" aria-labelledby="import-recognised">
          <Text as="h2" variant="subheader-3" id="import-recognised" className="wide">
            Распознано
          </Text>
          <Recognised preview={preview.data} />
          <Field label="Название плана" id="plan-title" wide error={fieldError(create.error, 'imported.plan.title')} hint={preview.data.plan.title ? undefined : 'В файле название не найдено: впишите его'}>
            <TextArea id="plan-title" value={title} onUpdate={setTitle} minRows={2} {...invalid(fieldError(create.error, 'imported.plan.title'))} />
          </Field>
          <Warnings preview={preview.data} />
          {create.isError && <ErrorMessage error={create.error} />}
          <div className="actions wide">
            <Button view="action" size="l" loading={create.isPending} disabled={!issuerId || !title.trim()} onClick={() => create.mutate(preview.data)}>
              Создать план
            </Button>
            {!issuerId && <span className="muted">Выберите издателя</span>}
          </div>
        </section>
      )}
    </>
  );
}

function Recognised({ preview }: { preview: ImportPreview }) {
  const { document, plan } = preview;
  const events = plan.sections.reduce((n, s) => n + s.events.length, 0);
  const act = document.kind ? `${ORDER_KIND_LABEL[document.kind]}${document.number ? ` № ${document.number}` : ''}${document.date ? ` от ${formatDate(document.date)}` : ''}` : 'не найден (только план)';
  return (
    <dl className="facts wide">
      <dt>Документ</dt>
      <dd id="import-document">{act}</dd>
      <dt>Период плана</dt>
      <dd>{formatInterval(plan.period)}</dd>
      <dt>Разделы и мероприятия</dt>
      <dd id="import-counts">{`${plan.sections.length} разделов, ${events} мероприятий`}</dd>
    </dl>
  );
}

function Warnings({ preview }: { preview: ImportPreview }) {
  const warnings = preview.warnings ?? [];
  if (warnings.length === 0) return <p className="ok wide">Без предупреждений</p>;
  return (
    <div className="wide">
      <Text as="h3" variant="subheader-2">{`Предупреждения (${warnings.length})`}</Text>
      <ul className="import-warnings" style={{ maxHeight: 240, overflowY: 'auto' }}>
        {warnings.map((w, i) => (
          <li key={i}>
            {w.line !== null && <span className="muted">{`строка ${w.line}: `}</span>}
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
