import { importPlanText } from './import-plan';
import type { ImportedEvent, ImportedPlanFile } from './imported-plan.types';
import { readFixture } from './plan-fixtures.testing';

const countsBySection = (file: ImportedPlanFile) => file.plan.sections.map((s) => [s.number, s.directionCode, s.events.length]);
const allEvents = (file: ImportedPlanFile) => file.plan.sections.flatMap((s) => s.events);
const eventNumbered = (file: ImportedPlanFile, section: string, number: string): ImportedEvent => {
  const event = file.plan.sections.find((s) => s.number === section)?.events.find((e) => e.number === number);
  if (!event) throw new Error(`no event ${section}/${number}`);
  return event;
};
const messages = (file: ImportedPlanFile) => file.warnings.map((w) => w.message);

describe('importPlanText: Tver order 1083/ПК with its plan', () => {
  const file = importPlanText(readFixture('tver'));

  it('reads the order requisites', () => {
    expect(file.document).toMatchObject({
      kind: 'prikaz',
      issuer: 'МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТВЕРСКОЙ ОБЛАСТИ',
      date: '2024-08-28',
      number: '1083/ПК',
      place: 'г. Тверь',
      title:
        'Об утверждении комплексного плана мероприятий по организационно-методической поддержке инфраструктуры национального проекта «Образование» на 2024-2025 учебный год',
      signatory: { position: 'Министр образования Тверской области', name: 'О.Е.Калинина' },
    });
    expect(file.document.basis).toMatch(/^В соответствии с постановлением Правительства Тверской области .*территории Тверской области»$/);
    expect(file.document.points).toHaveLength(2);
    expect(file.document.approval).toMatchObject({ kind: 'prikaz', date: '2024-08-28', number: '1083/ПК' });
  });

  it('takes the period from the title', () => {
    expect(file.plan.title).toMatch(/^Комплексный план мероприятий .* на 2024-2025 учебный год$/);
    expect(file.plan.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
  });

  it('keeps every event: 57 in 11 directions (counted by hand)', () => {
    expect(countsBySection(file)).toEqual([
      ['1', 1, 12], ['2', 2, 8], ['3', 3, 2], ['4', 4, 4], ['5', 5, 4], ['6', 6, 2],
      ['7', 7, 5], ['8', 8, 4], ['9', 9, 3], ['10', 10, 6], ['11', 11, 7],
    ]);
    expect(allEvents(file)).toHaveLength(57);
    expect(file.plan.sections[5].title).toMatch(/^Вовлечение обучающихся .* между обучающимися$/);
  });

  it('joins rows split by a page break without cutting text', () => {
    expect(eventNumbered(file, '1', '1.10').title).toBe(
      'Онлайн мастер-классы по направлениям: - основы 3D-моделирования; - разработка компьютерных игр и мультимедийных приложений; - конструирование и программирование виртуальных роботов; - создание приложений для мобильных устройств',
    );
    const seminar = eventNumbered(file, '2', '2.4');
    expect(seminar.audience).toBe('Руководители, заместители руководителей, методисты, педагоги дополнительного образования');
    expect(seminar.responsible).toEqual([
      {
        raw: 'Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской областной институт усовершенствования учителей (далее – ГБОУ ДПО ТОИУУ)',
        name: 'Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской областной институт усовершенствования учителей',
      },
    ]);
    expect(eventNumbered(file, '2', '2.1').title).toMatch(/конференциях, фестивалях, форумах по обмену опытом работы$/);
    expect(eventNumbered(file, '4', '4.2').title).toMatch(/в рамках общественного обсуждения на общественном совете Министерства, на родительских собраниях и на иных мероприятиях$/);
  });

  it('expands inline abbreviations in responsible organizations', () => {
    expect(eventNumbered(file, '4', '4.2').responsible.map((r) => r.name)).toEqual([
      'Министерство образования Тверской области',
      'Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской областной институт усовершенствования учителей',
      'Центры образования естественнонаучной и технологической направленностей «Точка роста»',
      'Центры цифрового образования «IT-куб»',
      'Детский технопарк «Кванториум» на базе общеобразовательной организации',
    ]);
    expect(eventNumbered(file, '1', '1.11').responsible.map((r) => r.name)).toEqual([
      'Руководители центров «Точка роста»',
      'Руководители центров «IT-куб»',
      'Руководители центров «Кванториум»',
    ]);
    expect(eventNumbered(file, '11', '11.4').responsible[0]).toEqual({
      raw: 'структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»',
      name: 'Структурное подразделение государственного бюджетного учреждения дополнительного образования «Тверской областной центр юных техников» детский технопарк «Кванториум»',
    });
  });

  it('does not take events for different audiences for duplicates', () => {
    expect(messages(file).filter((m) => m.startsWith('Вероятный дубликат'))).toEqual([]);
  });
});

describe('importPlanText: Kaliningrad order 1278/1 with repeated page headers and duplicated rows', () => {
  const file = importPlanText(readFixture('kaliningrad'));

  it('reads the order requisites and notices the stamp does not match', () => {
    expect(file.document).toMatchObject({
      kind: 'prikaz',
      issuer: 'МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ',
      date: '2023-08-17',
      number: '1278/1',
      place: 'Калининград',
      signatory: { position: 'Министр образования Калининградской области', name: 'С.С. Трусенева' },
    });
    expect(file.document.title).toMatch(/^Об утверждении комплексного плана .* в Калининградской области$/);
    expect(file.document.points).toHaveLength(3);
    expect(messages(file)).toContain('Номер в грифе приложения (878/1) не совпадает с номером документа (1278/1)');
  });

  it('prefers the academic year named in the order to the calendar years of the title', () => {
    expect(file.plan.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });

  it('keeps every event: 62 in 10 directions (counted by hand)', () => {
    expect(countsBySection(file)).toEqual([
      ['1', 1, 23], ['2', 2, 2], ['3', 3, 5], ['4', 4, 3], ['5', 5, 3],
      ['6', 6, 4], ['7', 7, 4], ['8', 8, 4], ['9', 9, 6], ['10', 10, 8],
    ]);
    expect(allEvents(file)).toHaveLength(62);
  });

  it('reads a heading that sits in an event row and fixes the OCR slip in it', () => {
    const projects = file.plan.sections[7];
    expect(projects.title).toBe(
      'Развитие проектной деятельности обучающихся общеобразовательных организаций за счет ресурсов центров «Точка роста», детских технопарков «Кванториум», центров «IT-куб»',
    );
    expect(file.warnings).toEqual(
      expect.arrayContaining([
        { line: 120, message: 'Исправлена ошибка распознавания: «Гочка роста» → «Точка роста»' },
        { line: 120, message: expect.stringMatching(/^Номер «5» в строке раздела/) },
      ]),
    );
    expect(file.plan.sections[6].events.map((e) => e.number)).toEqual(['1', '2', '3', '4']);
  });

  it('strips header labels glued to a cell', () => {
    const first = file.plan.sections[4].events[0];
    expect(first.deadline.raw).toBe('В течение года');
    expect(first.responsible).toEqual([{ raw: 'детский технопарк Кванториум', name: 'Детский технопарк Кванториум' }]);
  });

  it('reports duplicated rows with both lines', () => {
    expect(messages(file).filter((m) => m.startsWith('Вероятный дубликат'))).toEqual([
      'Вероятный дубликат мероприятия «Открытый праздник-фестиваль «Строим город»»: строки 48 и 54',
      'Вероятный дубликат мероприятия «Открытый интеллектуальный киберспортивный турнир приуроченный к празднованию Вс…»: строки 49 и 55',
      'Вероятный дубликат мероприятия «Открытые соревнования по робототехнике «РОБО-СУМО»»: строки 50 и 56',
      'Вероятный дубликат мероприятия «Региональный конкурс «DOTA2»: киберспорт»: строки 62 и 63',
      'Вероятный дубликат мероприятия «Летняя школа IT-куб. лицей №18»: строки 73 и 110',
      'Вероятный дубликат мероприятия «Реализация образовательной программы по предмету «Технология» и дополнительным …»: строки 99 и 136',
      'Вероятный дубликат мероприятия «Реализация сетевых урочных и внеурочных сетевых программ Центрами "Точка роста"…»: строки 100 и 137',
      'Вероятный дубликат мероприятия «Реализация образовательных программ в рамках федерального проекта "Код будущего"»: строки 101 и 138',
    ]);
  });

  it('cleans stray markup', () => {
    const forum = file.plan.sections[2].events[0];
    expect(forum).toMatchObject({ number: '1', title: 'Форум классных руководителей', audience: 'классные руководители' });
    expect(JSON.stringify(file)).not.toMatch(/<\/?p>|<\/?b>|\*\*/);
  });
});

describe('importPlanText: Samara plan with an unfilled approval stamp', () => {
  const file = importPlanText(readFixture('samara'));

  it('reads the stamp: a распоряжение whose date and number are blank', () => {
    expect(file.document).toMatchObject({
      kind: 'rasporyazhenie',
      issuer: 'Министерство образования и науки Самарской области',
      date: null,
      number: null,
      place: null,
      title: null,
      signatory: null,
    });
    expect(file.document.approval).toMatchObject({ kind: 'rasporyazhenie', date: null, number: null });
  });

  it('infers the period from the deadlines and says so', () => {
    expect(file.plan.title).toBe(
      'Комплексный план мероприятий по организационно-методической поддержке центров «Точка роста», создаваемых и функционирующих в Самарской области',
    );
    expect(file.plan.period).toEqual({ start: '2021-09-01', end: '2022-08-31' });
    expect(messages(file)).toContain('Период плана не указан в документе; принят по срокам мероприятий: 2021-09-01 — 2022-08-31');
  });

  it('keeps every event: 38 in 10 directions (counted by hand)', () => {
    expect(countsBySection(file)).toEqual([
      ['1', 1, 13], ['2', 2, 6], ['3', 3, 1], ['4', 4, 4], ['5', 5, 2],
      ['6', 6, 1], ['7', 7, 5], ['8', 8, 1], ['9', 9, 3], ['10', 10, 2],
    ]);
    expect(allEvents(file).map((e) => e.number)).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
  });

  it('expands «далее, соответственно» abbreviations and separates names glued by a missing comma', () => {
    const byNumber = (n: string) => allEvents(file).find((e) => e.number === n) as ImportedEvent;
    expect(byNumber('8').responsible.map((r) => r.name)).toEqual([
      'Управление комплексной безопасности и цифровизации образования министерства',
      'Управление общего образования министерства образования и науки Самарской области',
      'Государственное бюджетное образовательное учреждение дополнительного образования Самарской области «Самарский областной центр детско-юношеского технического творчества»',
      'Руководители общеобразовательных организаций',
    ]);
    expect(byNumber('11').responsible.map((r) => r.raw)).toEqual([
      'Управление общего образования',
      'Управление комплексной безопасности и цифровизации образования',
    ]);
    expect(byNumber('12').responsible[1].name).toBe(
      'Государственное автономное учреждение дополнительного профессионального образования Самарской области «Институт развития образования»',
    );
    expect(byNumber('12').audience).toBe('Учителя физики, химии, биологии, технологии общеобразовательных организаций, обучающиеся');
    expect(byNumber('33').audience).toBe('Педагогические работники и обучающиеся центров «Точка роста»');
  });

  it('leaves nothing unplaced', () => {
    expect(messages(file).filter((m) => /не отнесён|пропущена/.test(m))).toEqual([]);
  });
});
