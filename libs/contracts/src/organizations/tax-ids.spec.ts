import { isValidInn, isValidOgrn } from './tax-ids';

describe('ИНН and ОГРН checksums', () => {
  it('accepts real numbers and refuses one mistyped digit', () => {
    expect(isValidInn('7707083893')).toBe(true); // ПАО Сбербанк
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true); // an individual's 12-digit ИНН
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidOgrn('1027700132195')).toBe(true);
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('304500116000157')).toBe(true); // ОГРНИП
    expect(isValidOgrn('304500116000158')).toBe(false);
  });

  it('refuses anything but the right number of digits', () => {
    for (const text of ['', '770708389', '77070838931', 'ИНН7707083893', '7707 083893']) expect(isValidInn(text)).toBe(false);
    for (const text of ['102770013219', '10277001321950', '1027700132l95']) expect(isValidOgrn(text)).toBe(false);
  });
});
