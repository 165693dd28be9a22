import { api } from '../api';
import type { OrganizationDto, OrganizationImportPreview, OrganizationImportResult, RegionDto } from '../contracts';
import { field, h, replaceContent, selectOf } from '../dom';
import { errorLine, loadingLine, successLine } from '../feedback';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../labels';

function previewTable(preview: OrganizationImportPreview): HTMLElement {
  return h(
    'table',
    { id: 'organization-import-preview' },
    h('thead', {}, h('tr', {}, ['Строка', 'Наименование', 'Тип', 'ИНН', 'Муниципалитет', 'Вышестоящая', 'Замечания'].map((t) => h('th', {}, t)))),
    h(
      'tbody',
      {},
      preview.rows.map((r) =>
        h(
          'tr',
          { class: r.problems.length ? 'problem' : '' },
          h('td', {}, r.line),
          h('td', {}, r.name),
          h('td', {}, r.centerType ? CENTER_TYPE_LABEL[r.centerType] : r.kind ? ORGANIZATION_KIND_LABEL[r.kind] : '—'),
          h('td', {}, r.inn),
          h('td', {}, r.municipality),
          h('td', {}, r.parent),
          h('td', {}, r.problems.length ? r.problems.join('; ') : 'ок'),
        ),
      ),
    ),
  );
}

/**
 * Upload of a table (.xlsx or CSV) → the row-by-row report → «Импортировать», which creates every row or none.
 * `imported` refreshes the list afterwards.
 */
export function organizationImportForm(ministries: OrganizationDto[], regions: RegionDto[], imported: () => Promise<unknown>): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', accept: '.xlsx,.csv,text/csv' });
  const region = selectOf('regionId', [['', '— не выбран —'], ...regions.map((r): [string, string] => [r.id, r.name])]);
  const issuer = selectOf('issuerId', [['', '— не выбран —'], ...ministries.map((m): [string, string] => [m.id, m.shortName ?? m.name])]);
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const preview = async () => {
    const chosen = file.files?.[0];
    if (!chosen) return replaceContent(result, errorLine(new Error('Выберите файл .xlsx или .csv')));
    replaceContent(result, loadingLine('Проверка таблицы…'));
    try {
      const query = new URLSearchParams({ fileName: chosen.name, ...(region.value ? { regionId: region.value } : {}), ...(issuer.value ? { issuerId: issuer.value } : {}) });
      const report = await api<OrganizationImportPreview>('POST', `/api/organizations/import/preview?${query}`, chosen);
      const clean = report.validCount === report.rowCount;
      const confirm = h('button', { type: 'button', disabled: !clean }, `Импортировать ${report.rowCount}`);
      const status = h('div', { class: 'form-status' });
      confirm.addEventListener('click', () => {
        confirm.disabled = true;
        api<OrganizationImportResult>('POST', `/api/organizations/import/${report.batchId}`)
          .then(async (done) => {
            replaceContent(status, successLine(`Импортировано организаций: ${done.created}, новых муниципалитетов: ${done.municipalitiesCreated}`));
            await imported();
          })
          .catch((error: unknown) => replaceContent(status, errorLine(error)));
      });
      replaceContent(
        result,
        h('p', {}, `Строк: ${report.rowCount}, без замечаний: ${report.validCount}.`, report.newMunicipalities.length ? ` Будут созданы муниципалитеты: ${report.newMunicipalities.join(', ')}.` : ''),
        clean ? null : h('p', { class: 'message error' }, 'Исправьте строки с замечаниями в файле и загрузите его снова: импорт идёт целиком или не идёт вовсе.'),
        previewTable(report),
        confirm,
        status,
      );
    } catch (error) {
      replaceContent(result, errorLine(error));
    }
  };
  return h(
    'div',
    { id: 'organization-import', class: 'card form-grid' },
    h('h3', {}, 'Импорт из таблицы (.xlsx, CSV)'),
    h('p', { class: 'muted' }, 'Столбцы: «Полное наименование», «Краткое наименование», «ИНН», «ОГРН», «Тип», «Муниципалитет», «Вышестоящая организация», «Учредитель», «Адрес», «Часовой пояс».'),
    field('Файл', file),
    field('Регион', region),
    field('Учредитель центров', issuer),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void preview() }, 'Проверить')),
    result,
  );
}
