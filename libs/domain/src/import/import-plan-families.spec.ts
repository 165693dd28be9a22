import { importPlanText } from './import-plan';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');

describe('importPlanText: plan families beyond the three fixtures', () => {
  it('reads a plan with Roman-numbered sections and four columns «№ / Мероприятие / Даты / Ответственные»', () => {
    const text = [
      'ПЛАН',
      'мероприятий по организационно-методической поддержке центров «Точка роста» на 2025 год',
      '',
      rows(
        ['№', 'Мероприятие', 'Даты', 'Ответственные'],
        ['I. Организационно-методическое сопровождение', '', '', ''],
        ['1.', 'Совещание с руководителями центров', '15.01.2025', 'Комитет по образованию (далее – Комитет); Центр оценки качества (далее – ЦОКО)'],
        ['2.', 'Семинар для педагогов', 'февраль 2025', 'ЦОКО'],
        ['II', 'Профориентационная работа', '', ''],
        ['3.', 'Неделя профессий', 'апрель 2025', 'Комитет, ЦОКО'],
        ['III.', 'Повышение квалификации педагогов', '', ''],
        ['4.', 'Курсы для учителей', 'в течение года', 'ЦОКО'],
      ),
    ].join('\n');
    const file = importPlanText(text);
    expect(file.plan.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(file.plan.sections.map((s) => [s.number, s.title, s.directionCode, s.events.map((e) => e.number)])).toEqual([
      ['I', 'Организационно-методическое сопровождение', null, ['1', '2']],
      ['II', 'Профориентационная работа', 7, ['3']],
      ['III', 'Повышение квалификации педагогов', 11, ['4']],
    ]);
    const [meeting, seminar] = file.plan.sections[0].events;
    expect(meeting).toMatchObject({ title: 'Совещание с руководителями центров', content: null, audience: null, expectedResult: null });
    expect(meeting.responsible.map((r) => r.name)).toEqual(['Комитет по образованию', 'Центр оценки качества']);
    expect(seminar.responsible).toEqual([{ raw: 'ЦОКО', name: 'Центр оценки качества' }]);
    expect(file.warnings).toEqual([]);
  });

  it('reads a road map: sections «1.», events «1.1», sub-rows, «Содержание» and «Ожидаемый результат»', () => {
    const text = [
      'Дорожная карта по созданию и функционированию центров «IT-куб» на 2024-2025 учебный год',
      '',
      rows(
        ['№ п/п', 'Мероприятие', 'Содержание', 'Исполнители', 'Сроки реализации', 'Ожидаемый результат'],
        ['1', '2', '3', '4', '5', '6'],
        ['1.', 'Организационное обеспечение', '', '', '', ''],
        ['1.1', 'Создание рабочей группы', 'Разработка положения о рабочей группе', 'Министерство', 'сентябрь 2024', 'Положение утверждено'],
        ['', '', 'Формирование состава группы', 'ГБОУ ДПО ТОИУУ', 'октябрь 2024', 'Состав утверждён'],
        ['1.2', 'Мониторинг готовности площадок', 'Выезды на площадки', 'Министерство', 'ноябрь 2024', 'не менее 50% площадок готовы'],
        ['2.', 'Наставничество обучающихся', '', '', '', ''],
        ['2.1', 'Программа «Ученик – ученику» для центров', 'Подбор пар наставник –', 'Центры «IT-куб»', 'в течение года', 'Охват не менее 100 обучающихся'],
        ['', '', 'наставляемый', '', '', ''],
      ),
    ].join('\n');
    const file = importPlanText(text);
    expect(file.plan.title).toBe('Дорожная карта по созданию и функционированию центров «IT-куб» на 2024-2025 учебный год');
    expect(file.plan.sections.map((s) => [s.number, s.title, s.directionCode, s.events.length])).toEqual([
      ['1', 'Организационное обеспечение', null, 2],
      ['2', 'Наставничество обучающихся', 6, 1],
    ]);
    const group = file.plan.sections[0].events[0];
    expect(group).toMatchObject({
      number: '1.1',
      title: 'Создание рабочей группы',
      content: 'Разработка положения о рабочей группе\nФормирование состава группы',
      expectedResult: 'Положение утверждено\nСостав утверждён',
      audience: null,
    });
    expect(group.responsible.map((r) => r.raw)).toEqual(['Министерство', 'ГБОУ ДПО ТОИУУ']);
    expect(group.deadline.raw).toBe('сентябрь 2024\nоктябрь 2024');
    expect(group.deadline.intervals).toHaveLength(2);
    expect(file.plan.sections[1].events[0].content).toBe('Подбор пар наставник – наставляемый');
    expect(file.plan.sections[0].events[1].expectedResult).toBe('не менее 50% площадок готовы');
  });

  it('detects the header by its words wherever the columns stand', () => {
    const text = rows(
      ['Сроки проведения', 'Наименование мероприятия', 'Ответственный исполнитель', '№'],
      ['Направление 7. Профориентация', '', '', ''],
      ['март 2025 года', 'Ярмарка профессий', 'Министерство', '1'],
    );
    const [section] = importPlanText(text).plan.sections;
    expect(section.directionCode).toBe(7);
    expect(section.events[0]).toMatchObject({ number: '1', title: 'Ярмарка профессий', deadline: expect.objectContaining({ raw: 'март 2025 года' }) });
  });

  it('reports text inside the table that belongs to no event instead of dropping it', () => {
    const text = [
      rows(['№', 'Мероприятие', 'Сроки', 'Ответственные'], ['', 'осиротевшее продолжение', '', '']),
      'Раздел 1. Совместные мероприятия для обучающихся',
      rows(['1', 'Слёт', 'май 2025 года', 'Министерство']),
      'Исполнитель: Иванова И.И., тел. 8 (4822) 00-00-00',
    ].join('\n');
    const file = importPlanText(text);
    expect(file.plan.sections[0]).toMatchObject({ number: '1', directionCode: 1 });
    expect(file.warnings.map((w) => [w.line, w.message])).toEqual([
      [null, expect.stringMatching(/^Период плана не указан/)],
      [2, expect.stringMatching(/не отнесена ни к одному мероприятию: «осиротевшее продолжение»$/)],
      [5, 'Текст внутри таблицы не отнесён ни к одному мероприятию: «Исполнитель: Иванова И.И., тел. 8 (4822) 00-00-00»'],
    ]);
  });
});
