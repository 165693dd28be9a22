import { parseAudience } from './parse-audience';

describe('parseAudience', () => {
  it.each([
    ['Обучающиеся 5-11 классов Калининградской области', [{ from: 5, to: 11 }]],
    ['Обучающиеся 1-4 классов Калининградской области, руководители школьных команд', [{ from: 1, to: 4 }]],
    ['обучающиеся 8–9 классы', [{ from: 8, to: 9 }]],
    ['обучающиеся 7 класса', [{ from: 7, to: 7 }]],
    ['обучающиеся 5, 7 и 9 классов', [{ from: 5, to: 5 }, { from: 7, to: 7 }, { from: 9, to: 9 }]],
    ['обучающиеся образовательных организаций 7-11 классов', [{ from: 7, to: 11 }]],
    ['обучающиеся 9-х классов', [{ from: 9, to: 9 }]],
    ['Педагогические работники', []],
  ])('reads grades of «%s»', (raw, grades) => {
    expect(parseAudience(raw).grades).toEqual(grades);
  });

  it.each([
    ['Обучающиеся 1-4 классов Калининградской области, руководители школьных команд', ['students', 'teachers']],
    ['Руководители, заместители руководителей, методисты, педагоги дополнительного образования, обучающиеся', ['leaders', 'methodists', 'additional_education_teachers', 'students']],
    ['Педагогические работники, родители, учащиеся', ['teachers', 'parents', 'students']],
    ['Обучающиеся образовательных учреждений Калининградской области, педагоги, представители СМИ.', ['students', 'teachers', 'media']],
    ['классные руководители', ['class_teachers']],
    ['Педагогические работники дополнительного образования', ['additional_education_teachers']],
    ['Представители органов управления образованием, руководители образовательных организаций, классные руководители, учителя, молодые педагоги.', ['authorities', 'leaders', 'class_teachers', 'teachers']],
    ['Кураторы наставнической деятельности в образовательных организациях', ['mentors']],
    ['Обучающиеся, родители, лица, ответственные за профориентационную работу', ['students', 'parents', 'career_guidance_staff']],
    ['Центры «Точка роста», «IT-куб», «Кванториум», ОМСУ', ['organizations', 'authorities']],
    ['педагогическая, родительская, школьная аудитория Калининградской области', ['teachers', 'parents', 'students']],
    ['Общественность Тверской области', ['public']],
    ['Методисты, педагоги дополнительного образования, инженеры', ['methodists', 'additional_education_teachers', 'engineers']],
    ['Обучающиеся 7-11 классов образовательных организаций Калининградской области, студенты профессиональных образовательных организаций', ['students', 'college_students']],
    ['Руководящие и педагогические работники образовательных организаций, специалисты органов местного самоуправления, осуществляющих управление в сфере образования (далее – ОМСУ)', ['leaders', 'teachers', 'authorities']],
    ['победители региональных этапов профессионального конкурса', ['other']],
  ])('reads roles of «%s»', (raw, roles) => {
    expect(parseAudience(raw).roles).toEqual(roles);
  });

  it('names the subjects of subject teachers across commas', () => {
    expect(parseAudience('Педагоги дополнительного образования, учителя физики, химии, биологии, технологии общеобразовательных организаций')).toEqual({
      raw: 'Педагоги дополнительного образования, учителя физики, химии, биологии, технологии общеобразовательных организаций',
      grades: [],
      roles: ['additional_education_teachers', 'subject_teachers'],
      subjects: ['physics', 'chemistry', 'biology', 'technology'],
      unrecognized: [],
    });
    expect(parseAudience('Учителя информатики ОО')).toMatchObject({ roles: ['subject_teachers'], subjects: ['informatics'] });
  });

  it('keeps what it did not recognize', () => {
    expect(parseAudience('победители региональных этапов профессионального конкурса').unrecognized).toEqual([
      'победители региональных этапов профессионального конкурса',
    ]);
  });

  it('handles empty text', () => {
    expect(parseAudience('')).toEqual({ raw: '', grades: [], roles: [], subjects: [], unrecognized: [] });
  });
});
