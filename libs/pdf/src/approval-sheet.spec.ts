import { ApprovalSheet, renderApprovalSheetPdf } from './approval-sheet';
import { PdfFile, squash } from './test-support/pdf-tools';

const SHEET: ApprovalSheet = {
  documentTitle: 'Об утверждении комплексного плана мероприятий',
  documentDescription: 'Проект приказа, версия 3',
  timeZone: 'Europe/Moscow',
  stages: [
    {
      name: 'Отдел общего образования',
      decisions: [
        { approver: { name: 'А.А. Смирнова', position: 'Начальник отдела' }, actingFor: null, decidedAt: '2024-08-20T09:15:00Z', result: 'approved_with_remarks', remarks: 'Уточнить сроки п. 2.4', rowRemarks: [{ row: '1.2. Совещание руководителей центров', text: 'Перенести на апрель' }, { row: null, text: 'Сверить с бюджетом' }], version: 2 },
      ],
    },
    {
      name: 'Правовое управление',
      decisions: [
        { approver: { name: 'П.П. Петров', position: 'Заместитель начальника' }, actingFor: { name: 'И.И. Сидоров', position: 'Начальник управления' }, decidedAt: '2024-08-21T12:40:00Z', result: 'returned', remarks: 'Исправить преамбулу', version: 2 },
        { approver: { name: 'П.П. Петров', position: 'Заместитель начальника' }, actingFor: null, decidedAt: null, result: null, remarks: null, version: 3 },
      ],
    },
  ],
};

describe('renderApprovalSheetPdf', () => {
  it('lists every decision with its result, local time, remarks (on the plan rows they point at) and substitute mark', async () => {
    const pdf = new PdfFile(await renderApprovalSheetPdf(SHEET));
    const text = squash(pdf.text());
    for (const expected of [
      'ЛИСТСОГЛАСОВАНИЯ',
      'Проектприказа,версия3',
      'Согласованосзамечаниями',
      '20.08.202412:15', // 09:15 UTC in Moscow
      'Уточнитьсрокип.2.4',
      'Кстроке1.2.Совещаниеруководителейцентров:Перенестинаапрель',
      'Сверитьсбюджетом',
      'Возвращенонадоработку',
      'за:И.И.Сидоров(Начальникуправления),замещающий',
      'Ожидаетрешения',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdf.pageSizes()[0].width).toBeGreaterThan(pdf.pageSizes()[0].height);
    pdf.dispose();
  });
});
