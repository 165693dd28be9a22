import { collectAbbreviations, expandAbbreviation } from './abbreviations';
import { cleanText } from './clean-text';
import { detectLayout, isColumnNumberRow, isHeaderLike } from './detect-header';
import { directionCode } from './direction-codes';
import { joinContinuation } from './join-continuation';
import { fixOcrSlips } from './ocr-slips';
import { findDocumentDate } from './russian-date';
import { parseHeadingText } from './section-heading';
import { splitResponsible } from './split-responsible';

describe('import building blocks', () => {
  it('splits executors at commas, semicolons and lines, never inside quotes or parentheses', () => {
    expect(
      splitResponsible('Центр «Точка роста, IT-куб», министерство (отдел общего, дополнительного образования); ГБОУ ДПО ТОИУУ\nруководители ОО.'),
    ).toEqual(['Центр «Точка роста, IT-куб»', 'министерство (отдел общего, дополнительного образования)', 'ГБОУ ДПО ТОИУУ', 'руководители ОО']);
    expect(splitResponsible('учреждение «Центр» (далее – ЦЕНТР) руководители школ')).toEqual(['учреждение «Центр» (далее – ЦЕНТР)', 'руководители школ']);
  });

  it('collects «далее» and «далее, соответственно» abbreviations', () => {
    const found = collectAbbreviations([
      'Министерство образования Тверской области (далее – Министерство), центры цифрового образования «IT-куб» (далее - «IT-куб»)',
      'Управление общего образования министерства образования и науки Самарской области (далее, соответственно – управление общего образования, министерство)',
    ]);
    expect(expandAbbreviation('Министерство', found)).toBe('Министерство образования Тверской области');
    expect(expandAbbreviation('"IT-куб"', found)).toBe('Центры цифрового образования «IT-куб»');
    expect(expandAbbreviation('управление общего образования', found)).toBe('Управление общего образования министерства образования и науки Самарской области');
    expect(expandAbbreviation('министерство', found)).toBe('Министерство образования Тверской области');
    expect(expandAbbreviation('Комитет', found)).toBeNull();
  });

  it('joins a cell continued after a page break with a space and a sub-row with a new line', () => {
    expect(joinContinuation('учреждение дополнительного', 'профессионального образования')).toBe('учреждение дополнительного профессионального образования');
    expect(joinContinuation('Министерство,', 'Центры «Точка роста»')).toBe('Министерство, Центры «Точка роста»');
    expect(joinContinuation('работники центров', '«Точка роста»')).toBe('работники центров «Точка роста»');
    expect(joinContinuation('сентябрь 2024', 'октябрь 2024')).toBe('сентябрь 2024\nоктябрь 2024');
    expect(joinContinuation('Разработка положения', 'Формирование состава')).toBe('Разработка положения\nФормирование состава');
  });

  it.each([
    ['Организация профориентационной деятельности обучающихся', 7],
    ['Поддержка ШНОР', 9],
    ['Работа со школами с низкими образовательными результатами', 9],
    ['Вовлечение обучающихся в формы наставничества', 6],
    ['Реализация сетевых программ и проектной деятельности', 5],
    ['Популяризация нацпроекта', 4],
    ['Участие в мероприятиях Минпросвещения России', 3],
    ['Региональные конференции и фестивали', 2],
    ['Проведение совместных мероприятий для обучающихся', 1],
    ['Развитие проектной деятельности', 8],
    ['Демонстрация эффективного опыта', 10],
    ['Повышение квалификации педагогов', 11],
    ['Организационные вопросы', null],
  ])('direction of «%s» is %s', (title, code) => {
    expect(directionCode(title)).toBe(code);
  });

  it('recognises section headings of every family', () => {
    expect(parseHeadingText('Направление 2. Организация')).toEqual({ number: '2', title: 'Организация' });
    expect(parseHeadingText('Раздел III Проектная деятельность')).toEqual({ number: 'III', title: 'Проектная деятельность' });
    expect(parseHeadingText('IV. Профориентация')).toEqual({ number: 'IV', title: 'Профориентация' });
    expect(parseHeadingText('IV открытый городской фестиваль')).toBeNull();
  });

  it('detects headers by their words and skips column numbers', () => {
    const layout = detectLayout(['№', 'Мероприятие', 'Содержание', 'Исполнители', 'Сроки реализации', 'Ожидаемый результат']);
    expect(layout?.columns.map((c) => c?.field)).toEqual(['number', 'title', 'content', 'responsible', 'deadline', 'expectedResult']);
    expect(detectLayout(['1', 'Слёт', 'май', 'Министерство'])).toBeNull();
    expect(isHeaderLike(['Описание мероприятия', '', '', ''])).toBe(true);
    expect(isHeaderLike(['', 'Результаты конкурса объявлены на сайте министерства', '', ''])).toBe(false);
    expect(isColumnNumberRow(['1', '2', '3', '4', '5'])).toBe(true);
  });

  it('cleans converter markup and fixes known OCR slips', () => {
    expect(cleanText('<p>**Текст**  с \\_\\_ и&nbsp;<b>жирным</b></p>')).toBe('Текст с __ и жирным');
    expect(fixOcrSlips('центров «Гочка роста»')).toEqual({ text: 'центров «Точка роста»', fixes: [{ from: 'Гочка роста', to: 'Точка роста' }] });
  });

  it('reads document dates in both styles', () => {
    expect(findDocumentDate('28.08.2024')).toBe('2024-08-28');
    expect(findDocumentDate('« 17 » августа 2023 года')).toBe('2023-08-17');
    expect(findDocumentDate('от _____ № _____')).toBeNull();
    expect(findDocumentDate('31.02.2024')).toBeNull();
  });
});
