import type { ImportedPlan } from '@eduplan/domain';
import type { Content } from 'pdfmake/interfaces';
import { appendixTable } from './appendix-table';
import { approvedParticiple, issuerGenitive } from './issuer-names';
import { nonBreaking } from './non-breaking';
import { contentWidth, FONT_SIZE, mm } from './page-setup';
import { charsPerLine } from './text-chunks';

const STAMP_WIDTH = mm(95);
const STAMP_LINE = charsPerLine({ width: STAMP_WIDTH, fontSize: 12 });
const TITLE_LINE = charsPerLine({ width: contentWidth('landscape'), fontSize: 13 });

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
          width: STAMP_WIDTH,
          fontSize: 12,
          stack: [
            { text: approvedParticiple(title) },
            { text: `${act.kind === 'prikaz' ? 'приказом' : 'распоряжением'} ${issuerGenitive(act.issuer)}` },
            { text: nonBreaking(`от ${act.date} № ${act.number}`, { maxChars: STAMP_LINE }) },
          ],
        },
      ],
    },
    { text: nonBreaking(title, { maxChars: TITLE_LINE, heading: true }), bold: true, alignment: 'center', fontSize: 13, margin: [0, 14, 0, 10] },
    appendixTable(plan),
    ...(plan.sections.length === 0
      ? [{ text: 'План не содержит мероприятий.', italics: true, fontSize: FONT_SIZE.table, margin: [0, 4, 0, 0] } as Content]
      : []),
  ];
}
