import { docxFromText } from './docx-from-text.testing';
import { importPlanDocx } from './import-plan';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');

/**
 * A region's road map as its ministry publishes it in Word: only the appendix (the order is a separate
 * file), its stamp with the journal's number, a road map over two academic years, a list of abbreviations.
 */
const APPENDIX = [
  'Приложение № 1',
  'УТВЕРЖДЕНА',
  'распоряжением департамента образования',
  'Ярославской области',
  'от 05 .09.2022 № 412-р',
  '',
  'ДОРОЖНАЯ КАРТА',
  'по развитию сети центров «Точка роста» на 2022-2024 годы',
  '',
  rows(
    ['№ п/п', 'Мероприятие', 'Содержание', 'Исполнители', 'Сроки реализации', 'Ожидаемый результат'],
    ['I. ОРГАНИЗАЦИОННОЕ СОПРОВОЖДЕНИЕ', '', '', '', '', ''],
    ['1.1', 'Мониторинг работы центров', 'Сбор отчётов центров', 'ДО', 'ежегодно, до 20 декабря', 'Аналитическая справка'],
    ['', '', 'Выезды в центры', 'ИРО', 'В течение 2022/2023, 2023/2024 учебных годов', 'Не менее 30 выездов'],
    ['1.2', 'Курсы повышения квалификации', 'Обучение педагогов', 'ИРО', '2023–2024 гг.', 'Не менее 100 педагогов'],
    ['II. ПОПУЛЯРИЗАЦИЯ', '', '', '', '', ''],
    ['2.1', 'Публикации о центрах в СМИ', '', 'ДО, ИРО', 'ежегодно, начиная с 2023 года', 'Не менее 12 публикаций'],
  ),
  '',
  'Используемые сокращения:',
  'ДО – департамент образования Ярославской области;',
  'ИРО – государственное автономное учреждение дополнительного профессионального образования Ярославской области «Институт развития образования».',
].join('\n');

describe('a regional road map published as its appendix alone, in Word', () => {
  it('reads the requisites from the stamp, the road map, its abbreviations and its deadlines over two years', async () => {
    const file = await importPlanDocx(await docxFromText(APPENDIX));
    expect(file.document).toMatchObject({
      kind: 'rasporyazhenie',
      issuer: 'Департамент образования Ярославской области',
      date: '2022-09-05',
      number: '412-р',
    });
    expect(file.document.abbreviations?.map((a) => a.short)).toEqual(['ДО', 'ИРО']);
    expect(file.plan.period).toEqual({ start: '2022-01-01', end: '2024-12-31' });
    expect(file.plan.sections.map((s) => [s.number, s.title, s.events.map((e) => e.number)])).toEqual([
      ['I', 'ОРГАНИЗАЦИОННОЕ СОПРОВОЖДЕНИЕ', ['1.1', '1.2']],
      ['II', 'ПОПУЛЯРИЗАЦИЯ', ['2.1']],
    ]);
    const [monitoring, courses] = file.plan.sections[0].events;
    expect(monitoring.responsible.map((r) => r.name)).toEqual([
      'Департамент образования Ярославской области',
      'Государственное автономное учреждение дополнительного профессионального образования Ярославской области «Институт развития образования»',
    ]);
    expect(monitoring.deadline).toMatchObject({
      recurrence: 'annually',
      intervals: [
        { start: '2022-01-01', end: '2022-12-20' },
        { start: '2023-01-01', end: '2023-12-20' },
        { start: '2024-01-01', end: '2024-12-20' },
        { start: '2022-09-01', end: '2023-08-31' },
        { start: '2023-09-01', end: '2024-08-31' },
      ],
    });
    expect(courses.deadline).toMatchObject({
      kind: 'recurring',
      recurrence: 'annually',
      intervals: [
        { start: '2023-01-01', end: '2023-12-31' },
        { start: '2024-01-01', end: '2024-12-31' },
      ],
    });
    expect(file.plan.sections[1].events[0].deadline.intervals).toEqual([
      { start: '2023-01-01', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
    expect(file.plan.sections[1].events[0].responsible.map((r) => r.raw)).toEqual(['ДО', 'ИРО']);
  });
});
