import { signatureName } from './people-names';

describe('signatureName', () => {
  it('prints initials before the surname, as a signature line does', () => {
    expect(signatureName('Калинина Ольга Евгеньевна')).toBe('О.Е. Калинина');
    expect(signatureName('  Иванов   Пётр ')).toBe('П. Иванов');
    expect(signatureName('Хабибуллин')).toBe('Хабибуллин');
  });
});
