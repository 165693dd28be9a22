import { SigningError } from './errors';

/** An indirect object reference `num gen R`. */
export interface PdfRef {
  num: number;
  gen: number;
}

export interface PdfTrailer {
  root: PdfRef;
  size: number;
  info?: PdfRef;
  /** The /ID array as written, repeated in every later trailer. */
  id?: string;
  /** Offset of the newest cross-reference section. */
  startXref: number;
}

/**
 * The minimal reader an incremental update needs: the newest trailer and object
 * offsets from classic cross-reference tables (what pdfmake/pdfkit writes and
 * what our own updates append). Cross-reference streams are rejected rather than
 * guessed at, because a wrong offset would silently corrupt a legal document.
 */
export class PdfStructure {
  readonly trailer: PdfTrailer;
  private readonly text: string;
  private readonly offsets = new Map<number, number>();

  constructor(readonly pdf: Buffer) {
    // latin1 keeps one character per byte, so string indexes are byte offsets.
    this.text = pdf.toString('latin1');
    const startXref = this.findStartXref();
    this.trailer = { ...this.readSections(startXref), startXref };
  }

  /** The dictionary text `<< … >>` of an object, from its newest revision. */
  objectDictionary(ref: PdfRef): string {
    const offset = this.offsets.get(ref.num);
    if (offset === undefined) throw unsupported(`объект ${ref.num} ${ref.gen} R не найден`);
    const header = `${ref.num} ${ref.gen} obj`;
    if (!this.text.startsWith(header, offset)) throw unsupported(`неверное смещение объекта ${ref.num}`);
    const start = this.text.indexOf('<<', offset + header.length);
    return this.text.slice(start, dictionaryEnd(this.text, start));
  }

  /** The full body (between `obj` and `endobj`) of an object, e.g. an array. */
  objectBody(ref: PdfRef): string {
    const offset = this.offsets.get(ref.num);
    if (offset === undefined) throw unsupported(`объект ${ref.num} ${ref.gen} R не найден`);
    const start = offset + `${ref.num} ${ref.gen} obj`.length;
    return this.text.slice(start, this.text.indexOf('endobj', start)).trim();
  }

  private findStartXref(): number {
    const at = this.text.lastIndexOf('startxref');
    const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(this.text.slice(at, at + 40));
    if (!match) throw unsupported('не найден startxref');
    return Number(match[1]);
  }

  /** Walks the /Prev chain; newer sections win because they are read first. */
  private readSections(offset: number): Omit<PdfTrailer, 'startXref'> {
    let newest: Omit<PdfTrailer, 'startXref'> | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = offset; at !== undefined; ) {
      if (seen.has(at)) throw unsupported('цикл в цепочке /Prev');
      seen.add(at);
      if (!this.text.startsWith('xref', at)) {
        throw unsupported('таблица перекрёстных ссылок в виде потока (xref stream)');
      }
      const trailerAt = this.text.indexOf('trailer', at);
      this.readXrefTable(this.text.slice(at + 4, trailerAt));
      const dictStart = this.text.indexOf('<<', trailerAt);
      const dict = this.text.slice(dictStart, dictionaryEnd(this.text, dictStart));
      newest ??= {
        root: requiredRef(dict, 'Root'),
        size: Number(/\/Size\s+(\d+)/.exec(dict)?.[1] ?? NaN),
        info: dictionaryRef(dict, 'Info'),
        id: /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1],
      };
      const prev = /\/Prev\s+(\d+)/.exec(dict);
      at = prev ? Number(prev[1]) : undefined;
    }
    if (!newest || Number.isNaN(newest.size)) throw unsupported('в трейлере нет /Size');
    return newest;
  }

  private readXrefTable(table: string): void {
    const tokens = table.trim().split(/\s+/);
    for (let i = 0; i + 1 < tokens.length; ) {
      const first = Number(tokens[i]);
      const count = Number(tokens[i + 1]);
      i += 2;
      for (let n = 0; n < count; n += 1, i += 3) {
        if (tokens[i + 2] === 'n' && !this.offsets.has(first + n)) {
          this.offsets.set(first + n, Number(tokens[i]));
        }
      }
    }
  }
}

/** Index just past the `>>` that closes the dictionary opened at `start`. */
export function dictionaryEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length - 1; i += 1) {
    if (text[i] === '<' && text[i + 1] === '<') {
      depth += 1;
      i += 1;
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth -= 1;
      i += 1;
      if (depth === 0) return i + 1;
    }
  }
  throw unsupported('незакрытый словарь');
}

export function dictionaryRef(dict: string, key: string): PdfRef | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return match ? { num: Number(match[1]), gen: Number(match[2]) } : undefined;
}

export function requiredRef(dict: string, key: string): PdfRef {
  const ref = dictionaryRef(dict, key);
  if (!ref) throw unsupported(`нет ссылки /${key}`);
  return ref;
}

export function refsIn(array: string): PdfRef[] {
  return [...array.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => ({ num: Number(m[1]), gen: Number(m[2]) }));
}

export function formatRef(ref: PdfRef): string {
  return `${ref.num} ${ref.gen} R`;
}

function unsupported(detail: string): SigningError {
  return new SigningError(`Структура PDF не поддерживается для подписи: ${detail}`);
}
