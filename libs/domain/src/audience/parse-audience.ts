import type { Audience, AudienceRole, GradeRange, SchoolSubject } from './audience.types';

const SUBJECT_WORDS = 'физик|хими|биологи|технологи|информатик|математик|географи|истори|русск|литератур|обществознани|иностранн';

/**
 * Checked in order on each comma-separated part. A rule that matches removes its words from the part, so
 * «классные руководители» is not also read as «руководители» (leaders) and «педагоги дополнительного
 * образования» not also as «педагоги».
 */
const PERSON_RULES: readonly [RegExp, AudienceRole][] = [
  [/классн\S* руководител\S*/g, 'class_teachers'],
  [/(?:педагог\S*|педагогическ\S* работник\S*|работник\S*) дополнительного образования/g, 'additional_education_teachers'],
  [new RegExp(`учител\\S*(?= (?:${SUBJECT_WORDS}))`, 'g'), 'subject_teachers'],
  [/руководител\S* (?:школьных )?(?:команд|пресс-центр)\S*|учител\S*|педагог\S*|педагогическ\S*/g, 'teachers'],
  [/руководител\S*|заместител\S*|управленческ\S*|руководящ\S*/g, 'leaders'],
  [/методист\S*/g, 'methodists'],
  [/обучающ\S*|учащ\S*|школьник\S*|школьн\S* аудитори\S*/g, 'students'],
  [/студент\S*/g, 'college_students'],
  [/родител\S*|родительск\S*/g, 'parents'],
  [/наставни\S*|куратор\S*/g, 'mentors'],
  [/профориентац\S*/g, 'career_guidance_staff'],
  [/инженер\S*/g, 'engineers'],
  [/(?:^|\s)сми(?=\s|$)|журналист\S*/g, 'media'],
  [/орган\S* (?:местного самоуправления|управления)|(?:^|\s)омсу(?=\s|$)|министерств\S*/g, 'authorities'],
  [/общественност\S*/g, 'public'],
];

/** Institutions named instead of people («Центры «Точка роста», ОМСУ»); only when a part names no people. */
const INSTITUTIONS = /(?:^|\s)центр|кванториум|(?:it|ит)-куб|организаци/;

/** Parts that only qualify the previous one («…, включенных в проект 500+», «…, гуманитарного профиля») or carry nothing. */
const QUALIFIER = /^(?:\S*(?:ых|их|ого|его)(?:\s|$)|лица$|представители$|специалисты$)/;

const SUBJECTS: readonly [RegExp, SchoolSubject][] = [
  [/физик/, 'physics'],
  [/хими/, 'chemistry'],
  [/биологи/, 'biology'],
  [/технологи/, 'technology'],
  [/информатик/, 'informatics'],
  [/математик/, 'mathematics'],
  [/географи/, 'geography'],
  [/истори/, 'history'],
  [/русск\S* язык/, 'russian'],
  [/литератур/, 'literature'],
  [/обществознани/, 'social_studies'],
  [/иностранн\S* язык/, 'foreign_language'],
];

/** «5-11 классов», «8–9 классы», «7 класса», «5, 7 и 9 классов». */
const GRADES = /((?:\d{1,2}\s*(?:-|,|\sи\s)?\s*)+?)\s*-?(?:х|ых|го)?\s*класс/g;

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseGrades(text: string): GradeRange[] {
  const ranges: GradeRange[] = [];
  for (const match of text.matchAll(GRADES)) {
    for (const piece of (match[1] ?? '').split(/,|\sи\s/)) {
      const [from, to = from] = piece.split('-').filter((n) => n.trim() !== '').map(Number);
      const valid = from !== undefined && from >= 1 && to <= 11 && from <= to;
      if (valid && !ranges.some((r) => r.from === from && r.to === to)) ranges.push({ from, to });
    }
  }
  return ranges;
}

/** The subjects named after «учителя»; the list runs on across commas («учителя физики, химии, биологии»). */
function parseSubjects(text: string): SchoolSubject[] {
  const afterTeachers = /учител(.*)$/.exec(text)?.[1] ?? '';
  return SUBJECTS.filter(([pattern]) => pattern.test(afterTeachers)).map(([, subject]) => subject);
}

function rolesOf(part: string): AudienceRole[] {
  const roles: AudienceRole[] = [];
  let rest = part;
  for (const [pattern, role] of PERSON_RULES) {
    const remaining = rest.replace(pattern, ' ');
    if (remaining !== rest) roles.push(role);
    rest = remaining;
  }
  if (roles.length === 0 && INSTITUTIONS.test(part)) roles.push('organizations');
  return roles;
}

function isSubjectOnly(part: string): boolean {
  const rest = SUBJECTS.reduce((remaining, [pattern]) => remaining.replace(new RegExp(`\\S*${pattern.source}\\S*`, 'g'), ''), part);
  return rest.replace(/общеобразовательных организаций|образовательных организаций|(?:^|\s)и(?:\s|$)|оо/g, '').trim() === '';
}

/**
 * Understands a «Целевая аудитория» cell: grades, normalized roles and, for subject teachers, subjects.
 * The raw text is kept: the codes are for filtering and counting, not for showing.
 */
export function parseAudience(raw: string): Audience {
  const text = normalize(raw);
  const subjects = parseSubjects(text);
  const roles = new Set<AudienceRole>();
  const unrecognized: string[] = [];
  const parts = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,;]|\s+и\s+/)
    .map((part) => part.replace(/[.\s]+$/, '').trim())
    .filter((part) => part !== '' && !/^\d/.test(part));
  for (const part of parts) {
    if (subjects.length > 0 && isSubjectOnly(part)) continue;
    const found = rolesOf(part);
    if (found.length > 0) found.forEach((role) => roles.add(role));
    else if (!QUALIFIER.test(part)) unrecognized.push(part);
  }
  if (unrecognized.length > 0) roles.add('other');
  return { raw, grades: parseGrades(text), roles: [...roles], subjects, unrecognized };
}
