import type { ImportedPlan } from '@eduplan/domain';
import type { Content } from 'pdfmake/interfaces';
import { appendixTable } from './appendix-table';
import { approvedParticiple, issuerGenitive } from './issuer-names';
import { FONT_SIZE, mm } from './page-setup';

export interface ApprovingAct {
  kind: 'prikaz' | 'rasporyazhenie';
  issuer: string;
  /** `DD.MM.YYYY`, or blanks for a draft. */
  date: string;
  number: string;
}

/** The appendix on landscape pages: approval stamp top right, plan title, the plan table. */
export function appendixContent(plan: ImportedPlan, act: ApprovingAct): Content[] {
  const title = plan.title ?? 'План мероприятий';
  return [
    {
      pageBreak: 'before',
      pageOrientation: 'landscape',
      columns: [
        { width: '*', text: '' },
        {
          width: mm(95),
          fontSize: 12,
          stack: [
            { text: approvedParticiple(title) },
            { text: `${act.kind === 'prikaz' ? 'приказом' : 'распоряжением'} ${issuerGenitive(act.issuer)}` },
            { text: `от ${act.date} № ${act.number}` },
          ],
        },
      ],
    },
    { text: title, bold: true, alignment: 'center', fontSize: 13, margin: [0, 14, 0, 10] },
    appendixTable(plan),
    ...(plan.sections.length === 0
      ? [{ text: 'План не содержит мероприятий.', italics: true, fontSize: FONT_SIZE.table, margin: [0, 4, 0, 0] } as Content]
      : []),
  ];
}
