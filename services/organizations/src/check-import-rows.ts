import { isValidInn, isValidOgrn, knownTimeZone, ORGANIZATION_KIND_NAMES, type OrganizationImportRow } from '@eduplan/contracts';
import { randomUUID } from 'node:crypto';
import { centerTypeProblem } from './organization-rules';
import { organizationTypeOf, typeKey, type OrganizationType } from './organization-type-names';

/** An organization already in the registry, as the import sees it. */
export interface KnownOrganization {
  id: string;
  name: string;
  shortName: string | null;
  inn: string | null;
  ogrn: string | null;
  kind: string;
  timeZone: string;
}

/** What the import needs to know of the registry, loaded in a few set-based queries. */
export interface ImportContext {
  regionId: string | null;
  issuer: KnownOrganization | null;
  /** Organizations of the region (of the whole registry without one) that a row's «Вышестоящая организация» or «Учредитель» may name. */
  known: KnownOrganization[];
  /** The region's municipalities by normalized name. */
  municipalities: Map<string, { id: string; name: string }>;
}

/** A row ready to insert, or its problems. */
export interface CheckedRow {
  row: OrganizationImportRow;
  id: string;
  type: OrganizationType | null;
  timeZone: string;
  municipalityKey: string | null;
  /** An organization of the table (its id) or of the registry. */
  parentId: string | null;
  issuerId: string | null;
  problems: string[];
}

export interface CheckedImport {
  rows: CheckedRow[];
  /** Names of municipalities to create, as first written in the table. */
  newMunicipalities: Map<string, string>;
}

type Reference = { id: string; kind: string | null; inFile: boolean };

/**
 * Checks every row of a table against the others and the registry: empty name, unknown type, bad ИНН/ОГРН,
 * an ИНН twice in the table or already in the registry, unknown time zone, a parent or issuer that names
 * nothing or more than one organization, parents that form a cycle. Every problem is reported, not the first.
 */
export function checkImportRows(rows: OrganizationImportRow[], context: ImportContext): CheckedImport {
  const checked: CheckedRow[] = rows.map((row) => ({
    row,
    id: randomUUID(),
    type: null,
    timeZone: 'Europe/Moscow',
    municipalityKey: null,
    parentId: null,
    issuerId: null,
    problems: [],
  }));
  const names = new Map<string, Reference[]>();
  const remember = (key: string, reference: Reference) => key && names.set(key, [...(names.get(key) ?? []).filter((r) => r.id !== reference.id), reference]);
  for (const c of checked) {
    c.type = organizationTypeOf(c.row.type);
    for (const text of [c.row.name, c.row.shortName, c.row.inn]) remember(typeKey(text), { id: c.id, kind: c.type?.kind ?? null, inFile: true });
  }
  for (const o of context.known) {
    for (const text of [o.name, o.shortName ?? '', o.inn ?? '']) remember(typeKey(text), { id: o.id, kind: o.kind, inFile: false });
  }
  /** The table's own rows are meant first; the registry is the fallback. */
  const resolve = (text: string): Reference[] => {
    const found = names.get(typeKey(text)) ?? [];
    const inFile = found.filter((r) => r.inFile);
    return inFile.length ? inFile : found;
  };

  const byInn = duplicates(checked, (c) => c.row.inn);
  const byOgrn = duplicates(checked, (c) => c.row.ogrn);
  const knownInn = new Map(context.known.filter((o) => o.inn).map((o) => [o.inn!, o]));
  const knownOgrn = new Map(context.known.filter((o) => o.ogrn).map((o) => [o.ogrn!, o]));
  const newMunicipalities = new Map<string, string>();

  for (const c of checked) {
    const { row, problems } = c;
    if (!row.name) problems.push('не заполнено «Полное наименование»');
    if (row.name.length > 500) problems.push('«Полное наименование» длиннее 500 символов');
    if (row.shortName.length > 200) problems.push('«Краткое наименование» длиннее 200 символов');
    if (!row.type) problems.push(`не заполнен «Тип»: ${typeHint()}`);
    else if (!c.type) problems.push(`неизвестный тип «${row.type}»: ${typeHint()}`);
    else {
      const problem = centerTypeProblem(c.type.kind, c.type.centerType);
      if (problem) problems.push(problem);
    }
    if (row.inn) {
      if (!isValidInn(row.inn)) problems.push(`ИНН «${row.inn}» неверен: 10 цифр (12 для ИП) с верной контрольной цифрой`);
      else if (knownInn.has(row.inn)) problems.push(`ИНН ${row.inn} уже есть в реестре у «${knownInn.get(row.inn)!.name}»`);
      const twins = byInn.get(row.inn);
      if (twins) problems.push(`ИНН ${row.inn} повторяется в строках ${twins.join(', ')}`);
    }
    if (row.ogrn) {
      if (!isValidOgrn(row.ogrn)) problems.push(`ОГРН «${row.ogrn}» неверен: 13 цифр (15 для ОГРНИП) с верной контрольной цифрой`);
      else if (knownOgrn.has(row.ogrn)) problems.push(`ОГРН ${row.ogrn} уже есть в реестре у «${knownOgrn.get(row.ogrn)!.name}»`);
      const twins = byOgrn.get(row.ogrn);
      if (twins) problems.push(`ОГРН ${row.ogrn} повторяется в строках ${twins.join(', ')}`);
    }
    if (row.municipality) {
      if (!context.regionId) problems.push('указан «Муниципалитет», но не выбран регион импорта');
      else {
        c.municipalityKey = typeKey(row.municipality);
        if (!context.municipalities.has(c.municipalityKey) && !newMunicipalities.has(c.municipalityKey)) newMunicipalities.set(c.municipalityKey, row.municipality);
      }
    }
    if (row.parent) {
      const found = resolve(row.parent).filter((r) => r.id !== c.id);
      if (found.length === 0) problems.push(`вышестоящая организация «${row.parent}» не найдена ни в таблице, ни в реестре`);
      else if (found.length > 1) problems.push(`вышестоящая организация «${row.parent}» неоднозначна: так названы ${found.length} организации, укажите ИНН`);
      else c.parentId = found[0].id;
    }
    const issuer = row.issuer ? resolve(row.issuer) : null;
    if (issuer && issuer.length !== 1) {
      problems.push(issuer.length ? `учредитель «${row.issuer}» неоднозначен: укажите ИНН` : `учредитель «${row.issuer}» не найден ни в таблице, ни в реестре`);
    } else if (issuer && issuer[0].kind !== 'ministry') {
      problems.push(`учредитель «${row.issuer}» не министерство (комитет): центр отвечает перед органом управления образованием`);
    } else if (c.type?.kind !== 'ministry') {
      c.issuerId = issuer?.[0].id ?? context.issuer?.id ?? null;
    }
    const zone = row.timeZone ? knownTimeZone(row.timeZone) : (context.issuer?.timeZone ?? 'Europe/Moscow');
    if (zone) c.timeZone = zone;
    else problems.push(`неизвестный часовой пояс «${row.timeZone}»: укажите пояс из базы IANA, например Europe/Moscow`);
  }
  for (const line of linesInParentCycles(checked)) checked.find((c) => c.row.line === line)!.problems.push('вышестоящие организации в таблице ссылаются друг на друга по кругу');
  return { rows: checked, newMunicipalities };
}

const typeHint = () => `укажите один из: ${Object.values(ORGANIZATION_KIND_NAMES).join('; ')} или тип центра («Точка роста», «Кванториум», «IT-куб» …)`;

/** Values that occur in more than one row, each with the lines it occurs in. */
function duplicates(rows: CheckedRow[], value: (row: CheckedRow) => string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const c of rows) if (value(c)) lines.set(value(c), [...(lines.get(value(c)) ?? []), c.row.line]);
  return new Map([...lines].filter(([, found]) => found.length > 1));
}

function linesInParentCycles(rows: CheckedRow[]): number[] {
  const byId = new Map(rows.map((c) => [c.id, c]));
  const inCycle: number[] = [];
  for (const start of rows) {
    const seen = new Set<string>();
    for (let at: CheckedRow | undefined = start; at?.parentId; at = byId.get(at.parentId)) {
      if (at.parentId === start.id) {
        inCycle.push(start.row.line);
        break;
      }
      if (seen.has(at.id)) break;
      seen.add(at.id);
    }
  }
  return inCycle;
}
