import { organizationTypeOf } from './organization-type-names';

describe('the «Тип» column of an organization table', () => {
  it('reads the spellings ministries use, ignoring case, quotes and hyphens', () => {
    expect(organizationTypeOf('«Точка роста»')).toEqual({ kind: 'center', centerType: 'tochka_rosta' });
    expect(organizationTypeOf('ЦЕНТР "ТОЧКА РОСТА"')).toEqual({ kind: 'center', centerType: 'tochka_rosta' });
    expect(organizationTypeOf('IT куб')).toEqual({ kind: 'center', centerType: 'it_cube' });
    expect(organizationTypeOf('Мобильный технопарк «Кванториум»')).toEqual({ kind: 'center', centerType: 'kvantorium_mobile' });
    expect(organizationTypeOf('Детский технопарк «Кванториум»')).toEqual({ kind: 'center', centerType: 'kvantorium' });
    expect(organizationTypeOf('ИнфинITи')).toEqual({ kind: 'center', centerType: 'infiniti' });
    expect(organizationTypeOf('ЦЦОД')).toEqual({ kind: 'center', centerType: 'cdod' });
    expect(organizationTypeOf('Комитет')).toEqual({ kind: 'ministry', centerType: null });
    expect(organizationTypeOf('ИРО')).toEqual({ kind: 'institute', centerType: null });
    expect(organizationTypeOf('колледж')).toEqual({ kind: 'school', centerType: null });
    expect(organizationTypeOf('school')).toEqual({ kind: 'school', centerType: null });
  });

  it('knows no type it was not told', () => {
    for (const text of ['', 'Банк', 'Кванториумы', 'Точка']) expect(organizationTypeOf(text)).toBeNull();
  });
});
