// No imports: the web client bundles this file for its labels.

/** Positions that approval routes and signatures are chosen by; `positionTitle` on a person says it exactly. */
export const POSITIONS = [
  'minister',
  'deputy_minister',
  'head_of_department',
  'deputy_head_of_department',
  'specialist',
  'lawyer',
  'institute_head',
  'coordinator',
  'director',
  'center_head',
  'other',
] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_NAMES: Record<Position, string> = {
  minister: 'Министр (председатель комитета)',
  deputy_minister: 'Заместитель министра',
  head_of_department: 'Начальник отдела (управления)',
  deputy_head_of_department: 'Заместитель начальника отдела',
  specialist: 'Специалист (консультант)',
  lawyer: 'Юрист (правовой отдел)',
  institute_head: 'Руководитель (ректор) ИРО',
  coordinator: 'Региональный координатор',
  director: 'Директор (руководитель организации)',
  center_head: 'Руководитель центра',
  other: 'Иная должность',
};

/** «Калинина Ольга Евгеньевна» → «О.Е. Калинина», as signatures and approval sheets print a name. */
export function signatureName(fullName: string): string {
  const [surname, ...given] = fullName.trim().split(/\s+/);
  if (given.length === 0) return surname;
  return `${given.map((name) => `${name[0]}.`).join('')} ${surname}`;
}
