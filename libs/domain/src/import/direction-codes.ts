import { foldText } from './clean-text';

/**
 * The standard directions of the federal recommendations (DESIGN.md §2), recognised by their key words
 * because every region rewords them. Checked most specific first: a direction about networks may also
 * mention projects, a direction about mentoring may mention sharing experience.
 */
const DIRECTIONS: Array<[number, RegExp]> = [
  [9, /шнор|низк\S* образовательн\S* результат|резильентн|500\s*\+/],
  [3, /минпросвещени|министерств\S* просвещени/],
  [7, /профориентац/],
  [6, /наставничеств|наставник/],
  [11, /повышени\S* (квалификац|профессиональн\S* (компетенц|мастерств))|курс\S* повышени/],
  [10, /демонстрац\S*.*опыт|эффективн\S* опыт/],
  [4, /популяризац|информационн\S* кампани/],
  [2, /конференц|фестивал|форум/],
  [5, /сетев/],
  [8, /проектн/],
  [1, /совместн\S* мероприяти/],
];

export function directionCode(sectionTitle: string): number | null {
  const folded = foldText(sectionTitle);
  for (const [code, pattern] of DIRECTIONS) if (pattern.test(folded)) return code;
  return null;
}
