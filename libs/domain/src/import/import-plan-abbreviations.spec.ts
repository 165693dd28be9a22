import { importPlanText } from './import-plan';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');
const TABLE = rows(
  ['№', 'Мероприятие', 'Сроки проведения', 'Ответственные'],
  ['Раздел 1. Совместные мероприятия', '', '', ''],
  ['1', 'Форум центров', 'май 2024 года', 'ДО, ЦНППМ'],
  ['2', 'Слёт', 'июнь 2024 года', 'ИРО'],
);
const TITLE = 'План мероприятий на 2024 год';

describe('abbreviations from the document’s glossary and inline definitions', () => {
  it.each([
    ['«Используемые сокращения:» at the end, en dashes', [TITLE, '', TABLE, '', 'Используемые сокращения:', 'ДО – департамент образования Вологодской области;', 'ЦНППМ – центр непрерывного повышения профессионального мастерства;', 'ИРО – институт развития образования.']],
    ['«Список сокращений» at the start, hyphens', ['Список сокращений', 'ДО - департамент образования Вологодской области', 'ЦНППМ - центр непрерывного повышения профессионального мастерства', 'ИРО - институт развития образования', '', TITLE, '', TABLE]],
    ['«Принятые сокращения» as a table, em dashes in none', [TITLE, '', TABLE, '', 'Принятые сокращения', rows(['ДО', 'департамент образования Вологодской области'], ['ЦНППМ', 'центр непрерывного повышения профессионального мастерства'], ['ИРО', 'институт развития образования'])]],
    ['«Принятые сокращения» with em dashes', [TITLE, '', TABLE, '', 'ПРИНЯТЫЕ СОКРАЩЕНИЯ', 'ДО — департамент образования Вологодской области', 'ЦНППМ — центр непрерывного повышения профессионального мастерства', 'ИРО — институт развития образования']],
  ])('%s', (_, parts) => {
    const file = importPlanText(parts.join('\n'));
    const events = file.plan.sections.flatMap((s) => s.events);
    expect(events.map((e) => e.responsible.map((r) => r.name))).toEqual([
      ['Департамент образования Вологодской области', 'Центр непрерывного повышения профессионального мастерства'],
      ['Институт развития образования'],
    ]);
    expect(events.map((e) => e.title)).toEqual(['Форум центров', 'Слёт']);
    expect(file.document.abbreviations?.map((a) => [a.short, a.source])).toEqual([
      ['ДО', 'glossary'],
      ['ЦНППМ', 'glossary'],
      ['ИРО', 'glossary'],
    ]);
  });

  it('returns the inline «(далее – …)» definitions beside the glossary’s for the region’s aliases', () => {
    const text = [
      '2. Поручить подготовку: автономное учреждение «Институт развития образования» (далее – ИРО) и центр оценки качества образования (далее – ЦОКО).',
      '',
      TITLE,
      '',
      TABLE.replace('ИРО', 'ИРО, ЦОКО'),
      '',
      'Список сокращений',
      'ДО – департамент образования Вологодской области',
    ].join('\n');
    const file = importPlanText(text);
    expect(file.document.abbreviations).toEqual([
      { short: 'ДО', full: 'департамент образования Вологодской области', source: 'glossary' },
      { short: 'ИРО', full: 'автономное учреждение «Институт развития образования»', source: 'inline' },
      { short: 'ЦОКО', full: 'центр оценки качества образования', source: 'inline' },
    ]);
  });

  it('leaves a document that defines nothing without the field', () => {
    expect(importPlanText([TITLE, '', TABLE].join('\n')).document).not.toHaveProperty('abbreviations');
  });
});
