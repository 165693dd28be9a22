import { OrganizationImportRoutes, OrganizationRoutes, type OrganizationImportRow } from '@eduplan/contracts';
import { testActor } from '@eduplan/infra/testing';
import { readOrganizationSheet } from '@eduplan/domain';
import { verifyAuditChain } from '@eduplan/platform';
import { Workbook } from 'exceljs';
import { failureOf, startOrganizationsService, testInn, type OrganizationsServiceUnderTest } from './organizations-service.testing';

jest.setTimeout(60_000);

const HEADER = ['№', 'Полное наименование', 'Краткое наименование', 'ИНН', 'Тип', 'Муниципалитет', 'Вышестоящая организация', 'Часовой пояс'];

/** An .xlsx as a ministry keeps it, built with exceljs, read the way the gateway reads an upload. */
async function tableRows(rows: (string | number)[][]): Promise<OrganizationImportRow[]> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Реестр');
  sheet.addRow(HEADER);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  return (await readOrganizationSheet(new Uint8Array(await workbook.xlsx.writeBuffer()))).rows;
}

describe('bulk import of organizations over NATS against PostgreSQL', () => {
  let service: OrganizationsServiceUnderTest;
  let regionId: string;
  let issuerId: string;
  const I = OrganizationImportRoutes;
  const admin = testActor(['admin']);
  const count = async () => (await service.db.query(`SELECT count(*)::int AS n FROM organizations.organizations`)).rows[0].n as number;
  const stage = async (rows: OrganizationImportRow[]) => {
    const { batchId } = await service.bus.request(I.start, { actor: admin, regionId, issuerId, fileName: 'реестр.xlsx' });
    for (let at = 0; at < rows.length; at += 500) await service.bus.request(I.addRows, { actor: admin, batchId, rows: rows.slice(at, at + 500) });
    return batchId;
  };

  beforeAll(async () => {
    service = await startOrganizationsService('org_import');
    regionId = (await service.bus.request(OrganizationRoutes.createRegion, { actor: admin, name: 'Кировская область', code: '43' })).id;
    await service.bus.request(OrganizationRoutes.createMunicipality, { actor: admin, regionId, name: 'город Киров' });
    issuerId = (await service.bus.request(OrganizationRoutes.create, { actor: admin, name: 'Министерство образования Кировской области', kind: 'ministry', regionId, timeZone: 'Europe/Kirov' })).id;
    await service.bus.request(OrganizationRoutes.create, { actor: admin, name: 'МОАУ СОШ № 1 г. Слободского', kind: 'school', regionId, inn: testInn(100) });
  });
  afterAll(() => service?.stop());

  it('previews a table row by row and imports nothing while any row is wrong', async () => {
    const rows = await tableRows([
      ['МОАУ «Лицей № 21» города Кирова', 'Лицей № 21', testInn(1), 'Школа', 'город Киров', '', ''],
      ['Центр «Точка роста» Лицея № 21', '', '', 'Точка роста', 'Город Киров', 'Лицей № 21', ''],
      ['', 'Без имени', '', 'Школа', '', '', ''],
      ['МКОУ ООШ д. Дымково', '', testInn(1), 'Школа', 'Котельничский район', '', ''],
      ['Центр «Гиперкуб»', '', '', 'Гиперкуб', '', '', ''],
      ['Центр «IT-куб» г. Вятские Поляны', '', '', 'IT-куб', '', 'МБОУ СОШ № 99', 'Europe/Kirovsk'],
      ['МОАУ СОШ № 1 (повторно)', '', testInn(100), 'Школа', '', '', ''],
    ]);
    const batchId = await stage(rows);
    const before = await count();
    const preview = await service.bus.request(I.preview, { actor: admin, batchId });
    expect(preview).toMatchObject({ rowCount: 7, validCount: 1, fileName: 'реестр.xlsx', newMunicipalities: ['Котельничский район'] });
    const problems = Object.fromEntries(preview.rows.map((r) => [r.line, r.problems.join(' | ')]));
    // Both rows of a repeated ИНН are flagged: which one is right is for the person to say.
    expect(problems[2]).toBe(`ИНН ${testInn(1)} повторяется в строках 2, 5`);
    expect(preview.rows.find((r) => r.line === 3)).toMatchObject({ kind: 'center', centerType: 'tochka_rosta', problems: [] });
    expect(problems[4]).toContain('не заполнено «Полное наименование»');
    expect(problems[2 + 3]).toContain(`ИНН ${testInn(1)} повторяется в строках 2, 5`);
    expect(problems[6]).toContain('неизвестный тип «Гиперкуб»');
    expect(problems[7]).toContain('вышестоящая организация «МБОУ СОШ № 99» не найдена');
    expect(problems[7]).toContain('неизвестный часовой пояс «Europe/Kirovsk»');
    expect(problems[8]).toContain(`ИНН ${testInn(100)} уже есть в реестре у «МОАУ СОШ № 1 г. Слободского»`);
    // Rows with problems come first, so the person sees what to fix.
    expect(preview.rows.slice(0, 6).every((r) => r.problems.length > 0)).toBe(true);

    const refused = await failureOf(service.bus.request(I.confirm, { actor: admin, batchId }));
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { lines: [2, 4, 5, 6, 7, 8] } });
    expect(refused.message).toContain('Ничего не импортировано: ошибки в 6 строках из 7');
    expect(await count()).toBe(before);
    expect((await service.bus.request(OrganizationRoutes.listMunicipalities, { actor: admin, regionId })).map((m) => m.name)).toEqual(['город Киров']);
  });

  it('confirms a clean table in one transaction: parents within the table, new municipalities, issuer and time zone from the batch', async () => {
    const rows = await tableRows([
      ['Центр «Точка роста» МОАУ «Гимназия № 46»', '', '', '«Точка роста»', 'город Киров', 'Гимназия № 46', ''],
      ['МОАУ «Гимназия № 46» г. Кирова', 'Гимназия № 46', testInn(46), 'Школа', 'город Киров', '', ''],
      ['Мобильный технопарк «Кванториум» Кировской области', '', '', 'Мобильный Кванториум', 'Оричевский район', '', 'Europe/Moscow'],
    ]);
    const batchId = await stage(rows);
    const preview = await service.bus.request(I.preview, { actor: admin, batchId });
    expect(preview).toMatchObject({ rowCount: 3, validCount: 3, newMunicipalities: ['Оричевский район'] });
    expect(await service.bus.request(I.confirm, { actor: admin, batchId })).toEqual({ batchId, created: 3, municipalitiesCreated: 1 });
    // Each organization and municipality the import created has its own audit entry, naming who imported; the chain holds.
    const audited = await service.db.query(
      `SELECT action, count(*)::int AS n FROM organizations.audit_log
        WHERE actor_login = $1 AND (after->>'importBatchId' = $2 OR object_id = $2 OR after->>'name' = 'Оричевский район') GROUP BY action ORDER BY action`,
      [admin.login, batchId],
    );
    expect(audited.rows).toEqual([
      { action: 'municipality.create', n: 1 },
      { action: 'organization.create', n: 3 },
      { action: 'organization_import.confirm', n: 1 },
      { action: 'organization_import.start', n: 1 },
    ]);
    expect(await verifyAuditChain(service.db, 'organizations')).toMatchObject({ broken: null });
    const found = (query: string) => service.bus.request(OrganizationRoutes.search, { actor: admin, query, regionId });
    const [gymnasium] = (await found('Гимназия № 46 г. Кирова')).items;
    const [center] = (await found('Точка роста» МОАУ «Гимназия')).items;
    expect(center).toMatchObject({ kind: 'center', centerType: 'tochka_rosta', parentId: gymnasium.id, issuerId, timeZone: 'Europe/Kirov', regionId });
    expect(gymnasium).toMatchObject({ kind: 'school', inn: testInn(46), municipalityId: center.municipalityId });
    const [mobile] = (await found('Мобильный технопарк')).items;
    expect(mobile).toMatchObject({ centerType: 'kvantorium_mobile', timeZone: 'Europe/Moscow' });
    expect((await service.bus.request(OrganizationRoutes.listMunicipalities, { actor: admin, regionId })).map((m) => m.name)).toEqual(['Оричевский район', 'город Киров']);
    // The same table again: every ИНН is now in the registry, and the batch is spent.
    expect(await failureOf(service.bus.request(I.confirm, { actor: admin, batchId }))).toMatchObject({ code: 'CONFLICT' });
    const again = await service.bus.request(I.preview, { actor: admin, batchId: await stage(rows) });
    expect(again.rows.find((r) => r.line === 3)?.problems).toEqual([`ИНН ${testInn(46)} уже есть в реестре у «МОАУ «Гимназия № 46» г. Кирова»`]);
  });

  it('refuses parents that point at each other in a circle', async () => {
    const rows = await tableRows([
      ['Организация А', 'А', '', 'Иная организация', '', 'Б', ''],
      ['Организация Б', 'Б', '', 'Иная организация', '', 'А', ''],
    ]);
    const preview = await service.bus.request(I.preview, { actor: admin, batchId: await stage(rows) });
    expect(preview.rows.map((r) => r.problems)).toEqual([
      ['вышестоящие организации в таблице ссылаются друг на друга по кругу'],
      ['вышестоящие организации в таблице ссылаются друг на друга по кругу'],
    ]);
  });
});
