import type { ImportedApprovalStamp, ImportedDocument, ImportWarning } from './imported-plan.types';
import { findDocumentDate } from './russian-date';

/** One line of the text around the plan table, with the source line it came from. */
export interface PreambleLine {
  line: number;
  text: string;
  /** True when a blank line (or a new .docx paragraph) precedes it. */
  startsParagraph: boolean;
}

export interface RecognisedOrder {
  document: ImportedDocument;
  planTitle: string | null;
  /** Texts that may name the plan's period, most specific first. */
  periodTexts: string[];
  warnings: ImportWarning[];
}

const ISSUER = /^(министерство|комитет|департамент|управление|правительство|администрация|агентство|губернатор)(?!\p{L})/iu;
const STAMP = /^(приложение|утвержд[её]н[аоы]?)(?!\p{L})/iu;
const PLAN_TITLE = /^(комплексный план|план(?!\p{L})|дорожная карта|перечень мероприятий|план-график)/iu;
const ORDER_TITLE = /^(об?)\s+\p{L}/iu;
const BASIS = /^(в соответствии|на основании|в целях|во исполнение|согласно)(?!\p{L})/iu;
const COMMAND = /(п\s*р\s*и\s*к\s*а\s*з\s*ы\s*в\s*а\s*ю|р\s*а\s*с\s*п\s*о\s*р\s*я\s*ж\s*а\s*ю\s*с\s*ь|п\s*о\s*с\s*т\s*а\s*н\s*о\s*в\s*л\s*я\s*ю|обязываю|предлагаю)\s*:?\s*$/i;
const POINT = /^\d+(?:\.\d+)*\.\s+\S/;
const POSITION = /^(министр|заместитель|первый заместитель|руководитель|председатель|начальник|директор|губернатор|врио|и\.\s?о\.|исполняющ)/i;
const PERSON = /(\p{Lu}\.\s?\p{Lu}\.\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\.\s?\p{Lu}\.)$/u;
const PLACE = /^(г\.|город|пос\.|пгт\.?|с\.|п\.)\s*\p{Lu}|^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/**
 * The order that approves a plan is laid out the same way everywhere (ГОСТ Р 7.0.97): issuer, kind, date,
 * number, place, heading «Об утверждении …», basis, «приказываю:», points, signature; then the appendix stamp
 * and the plan's own title. Each requisite is read only where it may stand, so a date in the basis is never
 * taken for the order's date.
 */
export function recogniseOrder(source: PreambleLine[]): RecognisedOrder {
  const warnings: ImportWarning[] = [];
  const lines = source.flatMap(splitTrailingKind);
  const stampAt = lines.findIndex((l) => STAMP.test(l.text));
  const planTitleAt = lines.findIndex((l, i) => i > stampAt && PLAN_TITLE.test(l.text));
  const orderEnd = stampAt >= 0 ? stampAt : planTitleAt >= 0 ? planTitleAt : lines.length;
  const order = lines.slice(0, orderEnd);

  const kindAt = order.findIndex((l) => kindOf(l.text) !== null);
  const titleAt = order.findIndex((l) => ORDER_TITLE.test(l.text) && !/^от\s/i.test(l.text));
  const headerEnd = titleAt >= 0 ? titleAt : order.length;
  const header = order.slice(0, headerEnd);
  const issuerAt = header.findIndex((l) => ISSUER.test(l.text));
  const requisites = header.filter((_, i) => i !== kindAt && (issuerAt < 0 || i < issuerAt || i > issuerAt));

  const title = titleAt >= 0 ? joinWhile(order, titleAt, (l) => !l.startsParagraph || /^[\p{Ll}«(]/u.test(l.text)) : null;
  const basisAt = order.findIndex((l) => BASIS.test(l.text));
  const commandAt = order.findIndex((l) => COMMAND.test(l.text));
  const basis = basisAt >= 0 ? joinRange(order, basisAt, commandAt >= basisAt ? commandAt + 1 : basisAt + 1).replace(COMMAND, '').trim() : null;
  const afterCommand = commandAt >= 0 ? commandAt + 1 : basisAt >= 0 ? basisAt + 1 : headerEnd + 1;
  const { points, end: pointsEnd } = readPoints(order, afterCommand);
  const signatory = readSignatory(order.slice(pointsEnd));

  const dateLine = requisites.find((l) => l.text.length <= 60 && findDocumentDate(l.text));
  const numberLine = requisites.find((l) => l.text.length <= 60 && /№/.test(l.text));
  const placeLine = requisites.find((l) => l !== dateLine && l !== numberLine && l.text.length <= 40 && PLACE.test(l.text));

  const approval = stampAt >= 0 ? readStamp(lines, stampAt, warnings) : null;
  const hasOrder = kindAt >= 0 || title !== null;
  const document: ImportedDocument = {
    kind: (kindAt >= 0 ? kindOf(order[kindAt].text) : null) ?? approval?.kind ?? null,
    issuer: issuerAt >= 0 ? joinIssuer(header, issuerAt, kindAt) : (approval?.issuer ?? null),
    date: dateLine ? findDocumentDate(dateLine.text) : hasOrder ? null : (approval?.date ?? null),
    number: numberLine ? documentNumber(numberLine.text) : hasOrder ? null : (approval?.number ?? null),
    place: placeLine ? placeLine.text : null,
    title,
    signatory,
    basis,
    points,
    approval,
  };
  if (hasOrder && approval) compareStamp(document, approval, lines[stampAt].line, warnings);

  const planTitle = planTitleAt >= 0 ? joinRange(lines, planTitleAt, lines.length) : null;
  const periodTexts = [planTitle, title, ...points, basis].filter((t): t is string => !!t);
  return { document, planTitle, periodTexts, warnings };
}

/** The kind set on the issuer's line («ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ПРИКАЗ», «… ОБЛАСТИ Р А С П О Р Я Ж Е Н И Е»). */
const TRAILING_KIND = /^(.*\S)\s+(п ?р ?и ?к ?а ?з|р ?а ?с ?п ?о ?р ?я ?ж ?е ?н ?и ?е)$/iu;

/** A line in capitals ending with the kind is two requisites: the issuer (or its last line) and the kind. */
function splitTrailingKind(line: PreambleLine): PreambleLine[] {
  const match = TRAILING_KIND.exec(line.text);
  if (!match || line.text !== line.text.toUpperCase() || !ISSUER_WORDS.test(match[1])) return [line];
  return [
    { ...line, text: match[1] },
    { line: line.line, text: match[2], startsParagraph: false },
  ];
}

const ISSUER_WORDS = /\p{Lu}{3,}/u;

function kindOf(text: string): 'prikaz' | 'rasporyazhenie' | null {
  const letters = text.replace(/[\s*]/g, '').toLowerCase();
  if (letters === 'приказ') return 'prikaz';
  if (letters === 'распоряжение') return 'rasporyazhenie';
  return null;
}

/** The issuer's name wraps over lines set in capitals («МИНИСТЕРСТВО ОБРАЗОВАНИЯ / ТВЕРСКОЙ ОБЛАСТИ»). */
function joinIssuer(header: PreambleLine[], at: number, kindAt: number): string {
  const parts = [header[at].text];
  for (let i = at + 1; i < header.length && i !== kindAt; i++) {
    const text = header[i].text;
    const capitals = text === text.toUpperCase() && /\p{L}/u.test(text);
    if (!capitals && header[i].startsParagraph) break;
    if (findDocumentDate(text) || /№/.test(text)) break;
    parts.push(text);
  }
  return parts.join(' ');
}

function readPoints(order: PreambleLine[], from: number): { points: string[]; end: number } {
  const points: string[] = [];
  let i = from;
  while (i < order.length && POINT.test(order[i].text)) {
    const start = i++;
    while (i < order.length && !POINT.test(order[i].text) && !order[i].startsParagraph) i++;
    points.push(joinRange(order, start, i));
  }
  return { points, end: i };
}

/** Position lines then the name («Министр образования / Тверской области … О.Е.Калинина»), maybe on one line. */
function readSignatory(rest: PreambleLine[]): ImportedDocument['signatory'] {
  const positionAt = rest.findIndex((l) => POSITION.test(l.text));
  if (positionAt < 0) return null;
  const position: string[] = [];
  for (let i = positionAt; i < rest.length; i++) {
    const person = PERSON.exec(rest[i].text);
    if (person) {
      const before = rest[i].text.slice(0, person.index).trim();
      if (before) position.push(before);
      return { position: position.join(' '), name: person[1] };
    }
    position.push(rest[i].text);
  }
  return null;
}

/** «Приложение № 2» numbers the appendix, not the act that approves it. */
const APPENDIX_NUMBER = /^приложение\s*№\s*\d+/iu;
/** A form's wording that leaves the kind open: «приказом (распоряжением)». */
const BOTH_KINDS = /\s*\((?:приказом|распоряжением|приказу|распоряжению)\)/iu;

/**
 * «УТВЕРЖДЕН распоряжением министерства … от ___ № ___», «Приложение к приказу … от 28.08.2024 № 1083 /ПК»,
 * «Приложение № 2 / УТВЕРЖДЕНА / приказом (распоряжением) департамента … / от 14 МАР 2023 № 412-р».
 */
function readStamp(lines: PreambleLine[], at: number, warnings: ImportWarning[]): ImportedApprovalStamp {
  const ownText = (i: number) => lines[i].text.replace(APPENDIX_NUMBER, '');
  let end = at + 1;
  while (end < lines.length && end - at < 8 && !/№/.test(ownText(end - 1))) end++;
  const text = joinRange(lines, at, end);
  const act = text.replace(APPENDIX_NUMBER, '');
  const number = documentNumber(act);
  const plain = act.replace(BOTH_KINDS, '');
  const issuer = /(?:приказом|распоряжением|приказу|распоряжению|письму|постановлением)\s+(.+?)\s+от(?!\p{L})/iu.exec(plain)?.[1] ?? null;
  const dated = /(?<!\p{L})от\s+([^№]*)/iu.exec(plain)?.[1] ?? '';
  return {
    text,
    kind: BOTH_KINDS.test(act) ? kindByNumber(number, lines[at].line, warnings) : /приказ/i.test(act) ? 'prikaz' : /распоряжени/i.test(act) ? 'rasporyazhenie' : null,
    issuer: issuer ? nominativeIssuer(issuer) : null,
    date: findDocumentDate(dated),
    number,
  };
}

/** Journals mark a распоряжение's number «-р» and a приказ's «-п», «-пр», «-од»: the only hint the form leaves. */
function kindByNumber(number: string | null, line: number, warnings: ImportWarning[]): 'prikaz' | 'rasporyazhenie' | null {
  const suffix = /-\s*(\p{L}+)$/u.exec(number ?? '')?.[1]?.toLowerCase();
  const kind = suffix === 'р' ? 'rasporyazhenie' : suffix && ['п', 'пр', 'од'].includes(suffix) ? 'prikaz' : null;
  warnings.push({
    line,
    message: kind
      ? `Гриф называет и приказ, и распоряжение: по номеру «${number}» принято ${kind === 'prikaz' ? '«приказ»' : '«распоряжение»'}, проверьте`
      : 'Гриф называет и приказ, и распоряжение («приказом (распоряжением)»): вид документа не определён, укажите его',
  });
  return kind;
}

/** The stamp names the issuer in the instrumental/genitive case; its head word is put back in the nominative. */
function nominativeIssuer(text: string): string {
  const heads: Record<string, string> = {
    министерства: 'Министерство',
    комитета: 'Комитет',
    департамента: 'Департамент',
    управления: 'Управление',
    правительства: 'Правительство',
    администрации: 'Администрация',
    агентства: 'Агентство',
  };
  const [first, ...rest] = text.split(' ');
  const head = heads[first.toLowerCase()];
  return head ? [head, ...rest].join(' ') : text;
}

/** «№ 1083 /ПК» → «1083/ПК»; a blank to be filled in («№ ____», «№ ....») is unknown. */
function documentNumber(text: string): string | null {
  const raw = /№\s*([^\s_].*?)\s*$/.exec(text)?.[1];
  if (!raw || /_/.test(raw) || !/[\p{L}\d]/u.test(raw)) return null;
  return raw.replace(/\s*([/-])\s*/g, '$1');
}

function compareStamp(document: ImportedDocument, stamp: ImportedApprovalStamp, line: number, warnings: ImportWarning[]): void {
  if (stamp.number && document.number && stamp.number !== document.number) {
    warnings.push({ line, message: `Номер в грифе приложения (${stamp.number}) не совпадает с номером документа (${document.number})` });
  }
  if (stamp.date && document.date && stamp.date !== document.date) {
    warnings.push({ line, message: `Дата в грифе приложения (${stamp.date}) не совпадает с датой документа (${document.date})` });
  }
  if (stamp.kind === null && document.kind !== null) {
    warnings.push({ line, message: `Гриф приложения не ссылается на приказ или распоряжение: «${stamp.text}»` });
  }
}

function joinWhile(lines: PreambleLine[], at: number, continues: (line: PreambleLine) => boolean): string {
  let end = at + 1;
  while (end < lines.length && continues(lines[end]) && !BASIS.test(lines[end].text)) end++;
  return joinRange(lines, at, end);
}

function joinRange(lines: PreambleLine[], start: number, end: number): string {
  return lines
    .slice(start, end)
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
