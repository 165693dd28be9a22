import type { ImportedDocument, ImportedEvent, ImportedPlan, ImportedSection } from '@eduplan/domain';

/** Small hand-built inputs for edge cases; real documents come from fixture-plans.ts. */
export function event(title: string, overrides: Partial<ImportedEvent> = {}): ImportedEvent {
  return {
    number: null,
    title,
    content: null,
    audience: 'Педагоги и обучающиеся',
    expectedResult: null,
    deadline: { raw: 'октябрь 2024 года', kind: 'period', intervals: [], recurrence: null, warnings: [] },
    responsible: [{ raw: 'ГБОУ ДПО ТОИУУ', name: 'ГБОУ ДПО ТОИУУ' }],
    ...overrides,
  };
}

export function section(title: string, events: ImportedEvent[], number: string | null = null): ImportedSection {
  return { number, title, directionCode: null, events };
}

export function plan(sections: ImportedSection[], title = 'Комплексный план мероприятий на 2024-2025 учебный год'): ImportedPlan {
  return { title, period: { start: '2024-09-01', end: '2025-08-31' }, sections };
}

export const TVER_DOCUMENT: ImportedDocument = {
  kind: 'prikaz',
  issuer: 'Министерство образования Тверской области',
  date: '2024-08-28',
  number: '1083/ПК',
  place: 'г. Тверь',
  title: 'Об утверждении комплексного плана мероприятий',
  signatory: { position: 'Министр образования Тверской области', name: 'О.Е. Калинина' },
};
