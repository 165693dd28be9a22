import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { PlanImportLimitError } from '../import/plan-import-error';
import { ORGANIZATION_IMPORT_LIMITS } from './organization-import-limits';
import { OrganizationSheetError } from './organization-sheet-error';
import { readOrganizationSheet } from './read-organization-sheet';
import { readOrganizationSheetIsolated } from './read-organization-sheet-isolated';

const CSV = [
  'Реестр центров Кировской области;;;',
  '№ п/п;Полное наименование;Краткое наименование;ИНН;Тип;Муниципалитет;Вышестоящая организация',
  '1;"МОАУ ""Лицей № 21"" города Кирова";Лицей № 21;4345000012;Школа;город Киров;',
  ';;;;;;',
  '2;"Центр «Точка роста» на базе МОАУ ""Лицей № 21"";\nкорпус 2";;;Точка роста;город Киров;Лицей № 21',
].join('\r\n');

describe('reading a table of organizations', () => {
  it('reads a Windows-1251 CSV with «;», quotes and a title above the header, keeping the sheet line numbers', async () => {
    const sheet = await readOrganizationSheet(iconv.encode(CSV, 'windows-1251'));
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([
      expect.objectContaining({ line: 3, name: 'МОАУ "Лицей № 21" города Кирова', shortName: 'Лицей № 21', inn: '4345000012', type: 'Школа', municipality: 'город Киров', parent: '' }),
      expect.objectContaining({ line: 5, name: 'Центр «Точка роста» на базе МОАУ "Лицей № 21"; корпус 2', type: 'Точка роста', parent: 'Лицей № 21' }),
    ]);
  });

  it('reads a UTF-8 CSV with «,» the same way', async () => {
    const utf8 = CSV.replace(/;/g, ',').replace('"Центр «Точка роста» на базе МОАУ ""Лицей № 21"",', '"Центр «Точка роста» на базе МОАУ ""Лицей № 21"";');
    const sheet = await readOrganizationSheet(Buffer.from(`\ufeff${utf8}`, 'utf8'));
    expect(sheet.rows.map((r) => [r.line, r.name, r.type])).toEqual([
      [3, 'МОАУ "Лицей № 21" города Кирова', 'Школа'],
      [5, 'Центр «Точка роста» на базе МОАУ "Лицей № 21"; корпус 2', 'Точка роста'],
    ]);
  });

  it('reads the first sheet of an .xlsx on a worker thread, numbers in cells as their digits', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Организации');
    sheet.addRow(['Полное наименование', 'ИНН', 'Часовой пояс', 'Примечание']);
    sheet.addRow(['КОГОАУ ДПО «ИРО Кировской области»', 4345000012, 'Europe/Kirov', 'x']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readOrganizationSheetIsolated(bytes);
    expect(read).toEqual({ format: 'xlsx', rows: [expect.objectContaining({ line: 2, name: 'КОГОАУ ДПО «ИРО Кировской области»', inn: '4345000012', timeZone: 'Europe/Kirov' })] });
  });

  it('says what is wrong with a file that is no table, and refuses an .xlsx past the unpacked limit', async () => {
    await expect(readOrganizationSheetIsolated(Buffer.from('Название;ИНН\nШкола;1\n'))).rejects.toThrow(
      new OrganizationSheetError('не найдена строка заголовков со столбцом «Полное наименование» в первых 10 строках'),
    );
    await expect(readOrganizationSheet(Buffer.from('Полное наименование\nА\nБ\nВ\n'), { ...ORGANIZATION_IMPORT_LIMITS, maxRows: 2 })).rejects.toThrow(
      'больше 2 строк',
    );
    const workbook = new Workbook();
    workbook.addWorksheet('Лист').addRow(['Полное наименование', 'x'.repeat(200_000)]);
    const big = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readOrganizationSheetIsolated(big, { ...ORGANIZATION_IMPORT_LIMITS, maxUnpackedBytes: 100_000 })).rejects.toBeInstanceOf(PlanImportLimitError);
  });
});
