import { importPlanText } from './import-plan';

const header = '№ п/п\tМероприятие\tСроки проведения\tОтветственный';
const plan = (rows: string[]) => ['Комплексный план мероприятий центров «Точка роста» на 2024-2025 учебный год', '', header, 'Направление 1. Совместные мероприятия\t\t\t', ...rows].join('\n');

describe('a plan’s list of abbreviations', () => {
  it('expands the short forms of «Ответственные» from a glossary table after the plan, and keeps its rows out of the events', () => {
    const imported = importPlanText(
      [
        plan(['1\tСлёт\tмай 2025 г.\tЦЮТ, КО', '2\tФорум\tиюнь 2025 г.\tРМЦ']),
        '',
        'Список сокращений',
        'Сокращение\tПолное наименование',
        'ЦЮТ\tГосударственное бюджетное учреждение дополнительного образования «Тверской областной центр юных техников»',
        'КО\tКомитет образования администрации города Твери',
      ].join('\n'),
    );
    const events = imported.plan.sections.flatMap((s) => s.events);
    expect(events.map((e) => [e.title, e.responsible])).toEqual([
      [
        'Слёт',
        [
          { raw: 'ЦЮТ', name: 'Государственное бюджетное учреждение дополнительного образования «Тверской областной центр юных техников»' },
          { raw: 'КО', name: 'Комитет образования администрации города Твери' },
        ],
      ],
      ['Форум', [{ raw: 'РМЦ', name: 'РМЦ' }]],
    ]);
    expect(imported.document.glossary).toEqual([
      { short: 'ЦЮТ', full: 'Государственное бюджетное учреждение дополнительного образования «Тверской областной центр юных техников»' },
      { short: 'КО', full: 'Комитет образования администрации города Твери' },
    ]);
    expect(imported.warnings).toEqual([]);
  });

  it('reads «Используемые сокращения» written as lines before the plan’s table', () => {
    const imported = importPlanText(
      [
        'Используемые сокращения:',
        'РМЦ – региональный модельный центр дополнительного образования детей;',
        'ОО — образовательные организации.',
        '',
        plan(['1\tСлёт\tмай 2025 г.\tРМЦ']),
      ].join('\n'),
    );
    expect(imported.plan.sections[0].events[0].responsible).toEqual([{ raw: 'РМЦ', name: 'Региональный модельный центр дополнительного образования детей' }]);
    expect(imported.document.glossary?.map((e) => e.short)).toEqual(['РМЦ', 'ОО']);
  });

  it('leaves a plan without a glossary as it was: no glossary field, a text that only mentions abbreviations untouched', () => {
    const imported = importPlanText(['Сокращения в тексте плана не используются, кроме общепринятых.', '', plan(['1\tСлёт\tмай 2025 г.\tРМЦ'])].join('\n'));
    expect(imported.document).not.toHaveProperty('glossary');
    expect(imported.plan.sections[0].events[0].responsible).toEqual([{ raw: 'РМЦ', name: 'РМЦ' }]);
  });
});
