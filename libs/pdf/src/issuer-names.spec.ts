import { approvedParticiple, issuerGenitive, issuerInRunningText } from './issuer-names';

describe('issuer names', () => {
  it.each([
    ['МИНИСТЕРСТВО ОБРАЗОВАНИЯ\nТВЕРСКОЙ ОБЛАСТИ', 'Министерство образования Тверской области'],
    ['МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ САМАРСКОЙ ОБЛАСТИ', 'Министерство образования и науки Самарской области'],
    ['КОМИТЕТ ПО ОБРАЗОВАНИЮ САНКТ-ПЕТЕРБУРГА', 'Комитет по образованию Санкт-Петербурга'],
    ['МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ ДАГЕСТАН', 'Министерство образования и науки Республики Дагестан'],
    ['министерство образования Калининградской области', 'министерство образования Калининградской области'],
  ])('writes %j in running text', (issuer, expected) => {
    expect(issuerInRunningText(issuer)).toBe(expected);
  });

  it('puts the head noun in the genitive for the approval stamp', () => {
    expect(issuerGenitive('МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТВЕРСКОЙ ОБЛАСТИ')).toBe('Министерства образования Тверской области');
    expect(issuerGenitive('Комитет по образованию Санкт-Петербурга')).toBe('Комитета по образованию Санкт-Петербурга');
    expect(issuerGenitive('министерство образования и науки Самарской области')).toBe('министерства образования и науки Самарской области');
    expect(issuerGenitive('ГБОУ ДПО ТОИУУ')).toBe('ГБОУ ДПО ТОИУУ');
  });

  it('agrees «УТВЕРЖДЕН» with the approved document', () => {
    expect(approvedParticiple('Комплексный план мероприятий')).toBe('УТВЕРЖДЕН');
    expect(approvedParticiple('Дорожная карта')).toBe('УТВЕРЖДЕНА');
    expect(approvedParticiple('Положение о конкурсе')).toBe('УТВЕРЖДЕНО');
  });
});
