import { formatRuDate } from '@eduplan/domain';
import type { Content } from 'pdfmake/interfaces';
import { nonBreaking } from './non-breaking';
import { mm } from './page-setup';

/** The visible mark of an electronic signature (ГОСТ Р 7.0.97-2025 §5.23), drawn where a hand would sign. */
export interface SignatureStamp {
  certificateSerial: string;
  owner: string;
  /** `YYYY-MM-DD` */
  validFrom: string;
  /** `YYYY-MM-DD` */
  validTo: string;
}

export interface Signatory {
  position: string;
  /** Initials and surname, «О.Е. Калинина». */
  name: string;
}

const POSITION_WIDTH = mm(62);
const STAMP_WIDTH = mm(68);
/** Characters of 14 pt serif that safely fit the position column on one line. */
const POSITION_LINE_CHARS = 24;
/**
 * Initials and surname kept on one line up to this length: the name column beside the stamp is about 98 pt, and
 * «О.Е. Калинина» (13 characters, initials and capitals included) takes about 88 pt.
 */
const NAME_LINE_CHARS = 15;

/**
 * Position on the left, initials and surname on the right at the level of the position's last line; the
 * electronic signature mark, when there is one, between them.
 */
export function signatureBlock(signatory: Signatory, stamp: SignatureStamp | undefined): Content {
  const positionLines = wrapPosition(signatory.position);
  const name = {
    text: ['\n'.repeat(positionLines.length - 1), nonBreaking(signatory.name, { maxChars: NAME_LINE_CHARS })].flat(),
    alignment: 'right' as const,
  };
  return {
    margin: [0, 36, 0, 0],
    unbreakable: true,
    columns: stamp
      ? [
          { width: POSITION_WIDTH, text: positionLines.join('\n') },
          { width: STAMP_WIDTH, stack: [signatureMark(stamp)] },
          { width: '*', ...name },
        ]
      : [{ width: POSITION_WIDTH * 1.3, text: positionLines.join('\n') }, { width: '*', ...name }],
  };
}

/** Explicit line breaks keep the name level with the last line, which pdfmake columns cannot align on their own. */
function wrapPosition(position: string): string[] {
  const result: string[] = [];
  for (const given of position.split('\n')) {
    let line = '';
    for (const word of given.trim().split(/\s+/)) {
      if (line && line.length + 1 + word.length > POSITION_LINE_CHARS) {
        result.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    result.push(line);
  }
  return result;
}

function signatureMark(stamp: SignatureStamp): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'ДОКУМЕНТ ПОДПИСАН\nЭЛЕКТРОННОЙ ПОДПИСЬЮ', bold: true, alignment: 'center', margin: [0, 0, 0, 3] },
              { text: `Сертификат: ${stamp.certificateSerial}` },
              { text: `Владелец: ${stamp.owner}` },
              { text: `Действителен с ${formatRuDate(stamp.validFrom)} по ${formatRuDate(stamp.validTo)}` },
            ],
            fontSize: 9,
            margin: [4, 3, 4, 3],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => '#1f3a93',
      vLineColor: () => '#1f3a93',
    },
    color: '#1f3a93',
  };
}
