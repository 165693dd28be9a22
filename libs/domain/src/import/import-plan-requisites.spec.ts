import { importPlanText } from './import-plan';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');
const table = rows(
  ['№', 'Мероприятие', 'Сроки проведения', 'Ответственные'],
  ['1', 'Совещание руководителей центров', 'март 2023 года', 'Департамент образования'],
);

describe('importPlanText: the requisites wherever the document carries them', () => {
  it.each([
    {
      trait: 'an appendix published alone: the stamp with «приказом (распоряжением)», an abbreviated month in capitals and a suffixed number',
      head: ['УТВЕРЖДЕН', 'приказом (распоряжением) департамента образования', 'Ярославской области', 'от 14 МАР 2023 № 412-р'],
      want: { kind: 'rasporyazhenie', issuer: 'Департамент образования Ярославской области', date: '2023-03-14', number: '412-р' },
    },
    {
      trait: 'an appendix numbered «Приложение № 2» above its stamp',
      head: ['Приложение № 2', 'УТВЕРЖДЕНА', 'приказом министерства образования', 'Калужской области', 'от 5 сент. 2022 г. № 1234'],
      want: { kind: 'prikaz', issuer: 'Министерство образования Калужской области', date: '2022-09-05', number: '1234' },
    },
    {
      trait: 'issuer and kind on one line',
      head: ['ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ПРИКАЗ', '05.09. 2022 № 518-о', 'г. Вологда', '', 'Об утверждении плана мероприятий'],
      want: { kind: 'prikaz', issuer: 'ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ', date: '2022-09-05', number: '518-о', place: 'г. Вологда' },
    },
    {
      trait: 'a long issuer wrapped over lines, then the kind with the issuer’s last line',
      head: ['МИНИСТЕРСТВО ОБРАЗОВАНИЯ', 'ОРЕНБУРГСКОЙ ОБЛАСТИ Р А С П О Р Я Ж Е Н И Е', '05 .09.2022 № ____', '', 'Об утверждении дорожной карты'],
      want: { kind: 'rasporyazhenie', issuer: 'МИНИСТЕРСТВО ОБРАЗОВАНИЯ ОРЕНБУРГСКОЙ ОБЛАСТИ', date: '2022-09-05', number: null },
    },
    {
      trait: 'a number left blank with dots',
      head: ['КОМИТЕТ ПО ОБРАЗОВАНИЮ', 'ПРИКАЗ', 'от « 07 » октября 2022 г.', '№ ....', '', 'Об утверждении плана'],
      want: { kind: 'prikaz', issuer: 'КОМИТЕТ ПО ОБРАЗОВАНИЮ', date: '2022-10-07', number: null },
    },
    {
      trait: 'a stamp left unfilled on a draft appendix',
      head: ['УТВЕРЖДЁН', 'распоряжением министерства просвещения', 'от __________ № ______'],
      want: { kind: 'rasporyazhenie', issuer: 'Министерство просвещения', date: null, number: null },
    },
  ])('$trait', ({ head, want }) => {
    const file = importPlanText([...head, '', 'План мероприятий на 2023 год', '', table].join('\n'));
    expect(file.document).toMatchObject(want);
  });

  it('says which kind it took when the stamp names both and the number does not tell', () => {
    const head = ['УТВЕРЖДЕН', 'приказом (распоряжением) департамента образования', 'от 14.03.2023 № 412'];
    const file = importPlanText([...head, '', 'План мероприятий на 2023 год', '', table].join('\n'));
    expect(file.document.kind).toBeNull();
    expect(file.warnings.map((w) => w.message)).toContain(
      'Гриф называет и приказ, и распоряжение («приказом (распоряжением)»): вид документа не определён, укажите его',
    );
  });
});
