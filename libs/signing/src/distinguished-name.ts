import * as pkijs from 'pkijs';

export interface NameAttribute {
  /** Short name (CN, O, SNILS …) or the dotted OID when it has none. */
  type: string;
  oid: string;
  value: string;
}

/** A decoded X.500 name; values are real Unicode strings, never escaped bytes. */
export interface DistinguishedName {
  /** `CN=…, O=…` in certificate order, for display and logs. */
  text: string;
  commonName?: string;
  attributes: NameAttribute[];
}

/** X.520 names plus the Russian qualified-certificate attributes (приказ ФСБ № 795). */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'G',
  '1.2.840.113549.1.9.1': 'E',
  '1.2.643.100.1': 'OGRN',
  '1.2.643.100.3': 'SNILS',
  '1.2.643.100.4': 'INNLE',
  '1.2.643.100.5': 'OGRNIP',
  '1.2.643.3.131.1.1': 'INN',
};

export function decodeName(name: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const attributes = name.typesAndValues.map((entry) => ({
    type: SHORT_NAMES[entry.type] ?? entry.type,
    oid: entry.type,
    value: entry.value.valueBlock.value,
  }));
  return {
    text: attributes.map((a) => `${a.type}=${a.value}`).join(', '),
    commonName: attributes.find((a) => a.oid === '2.5.4.3')?.value,
    attributes,
  };
}
