import type { DeadlineToken, Season } from './deadline-tokens';

export type PointUnit = 'day' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'academicYear';

/** One end of a date expression as written: any field may be missing until neighbours fill it in. */
export interface DatePoint {
  unit: PointUnit;
  year?: number;
  month?: number;
  day?: number;
  /** Quarter 1..4 or half 1..2. */
  index?: number;
  season?: Season;
  /** The date as written, for warnings about impossible dates. */
  text?: string;
}

/** «15-20 декабря 2023», «с 01.07.2022», «до 01.12.2023», «ноябрь 2023»: one interval of the text. */
export interface DateExpression {
  start: DatePoint;
  end: DatePoint;
  /** «до …», «не позднее …»: the text gives only the end. */
  openStart: boolean;
  /** «с …» with nothing after: the text gives only the start. */
  openEnd: boolean;
  /** «23 25 ноября»: two days with the dash lost in extraction. */
  missingDash: boolean;
}

type Parsed<T> = { value: T; next: number } | null;

class ExpressionParser {
  constructor(private readonly tokens: readonly DeadlineToken[]) {}

  private at(index: number): DeadlineToken | undefined {
    return this.tokens[index];
  }

  private is(index: number, type: DeadlineToken['type']): boolean {
    return this.tokens[index]?.type === type;
  }

  /** «2023», «2023 г.», «, 2021 года» after a month or day. */
  private optionalYear(index: number): { year?: number; next: number } {
    let cursor = this.is(index, 'comma') && this.is(index + 1, 'year') ? index + 1 : index;
    const token = this.at(cursor);
    if (token?.type !== 'year') return { next: this.skipYearWords(index) };
    cursor = this.skipYearWords(cursor + 1);
    return { year: token.value, next: cursor };
  }

  private skipYearWords(index: number): number {
    let cursor = index;
    while (this.is(cursor, 'yearWord')) cursor += 1;
    return cursor;
  }

  /**
   * What a bare number or ordinal counts: «15» in «15-20 декабря» is a day, «I» in «I-II квартал» a quarter.
   * Looks ahead over the rest of an enumeration or range.
   */
  private unitAhead(index: number): 'day' | 'quarter' | 'half' | null {
    for (let cursor = index; cursor < this.tokens.length; cursor += 1) {
      const token = this.tokens[cursor];
      if (token === undefined) break;
      if (token.type === 'month' || token.type === 'date' || token.type === 'dayMonth') return 'day';
      if (token.type === 'quarterWord') return 'quarter';
      if (token.type === 'halfWord') return 'half';
      if (!['number', 'ordinal', 'dash', 'until', 'and', 'comma'].includes(token.type)) break;
    }
    return null;
  }

  private withYear(point: DatePoint, index: number): Parsed<DatePoint> {
    const { year, next } = this.optionalYear(index);
    return { value: year === undefined ? point : { ...point, year }, next };
  }

  parsePoint(index: number): Parsed<DatePoint> {
    const token = this.at(index);
    if (token === undefined) return null;
    switch (token.type) {
      case 'date':
        return {
          value: { unit: 'day', year: token.year, month: token.month, day: token.day, text: token.text },
          next: this.skipYearWords(index + 1),
        };
      case 'dayMonth':
        return this.withYear({ unit: 'day', month: token.month, day: token.day, text: token.text }, index + 1);
      case 'month':
        return this.withYear({ unit: 'month', month: token.value }, index + 1);
      case 'season':
        return this.withYear({ unit: 'season', season: token.value }, index + 1);
      case 'year':
        return this.parseAcademicYear(token.value, index) ?? {
          value: { unit: 'year', year: token.value },
          next: this.skipYearWords(index + 1),
        };
      case 'number':
      case 'ordinal':
        return this.parseCounted(token.value, index);
      default:
        return null;
    }
  }

  /** «до конца 2023 года», «до окончания I квартала»: the words only stress that the bound is inclusive. */
  private skipEndOf(index: number): number {
    const token = this.at(index);
    return token?.type === 'word' && /^(?:конц|окончани)/.test(token.text) ? index + 1 : index;
  }

  /**
   * «2024-2025 учебный год», «2023/2024 учебном году», and each of «2022/2023, 2023/2024 учебных годов»: the
   * word after the last of listed years serves them all.
   */
  private parseAcademicYear(firstYear: number, index: number): Parsed<DatePoint> {
    if (!this.isYearPair(index)) return null;
    const after = this.skipYearWords(index + 3);
    let cursor = after;
    while ((this.is(cursor, 'comma') || this.is(cursor, 'and')) && this.isYearPair(cursor + 1)) cursor = this.skipYearWords(cursor + 4);
    if (!this.is(cursor, 'academic')) return null;
    const next = cursor === after ? this.skipYearWords(after + 1) : after;
    return { value: { unit: 'academicYear', year: firstYear }, next };
  }

  /** «2023-2024»: two consecutive years joined by a dash. */
  private isYearPair(index: number): boolean {
    const first = this.at(index);
    const second = this.at(index + 2);
    return first?.type === 'year' && this.is(index + 1, 'dash') && second?.type === 'year' && second.value === first.value + 1;
  }

  private parseCounted(value: number, index: number): Parsed<DatePoint> {
    const following = this.at(index + 1);
    if (following?.type === 'month' && value >= 1 && value <= 31) {
      return this.withYear({ unit: 'day', day: value, month: following.value }, index + 2);
    }
    if (following?.type === 'quarterWord' && value >= 1 && value <= 4) {
      return this.withYear({ unit: 'quarter', index: value }, index + 2);
    }
    if (following?.type === 'halfWord' && value >= 1 && value <= 2) {
      return this.withYear({ unit: 'half', index: value }, index + 2);
    }
    const unit = this.unitAhead(index + 1);
    if (unit === 'day' && value >= 1 && value <= 31) return { value: { unit, day: value }, next: index + 1 };
    if (unit !== null && unit !== 'day' && value >= 1 && value <= (unit === 'quarter' ? 4 : 2)) {
      return { value: { unit, index: value }, next: index + 1 };
    }
    return null;
  }

  parseExpression(index: number): Parsed<DateExpression> {
    const opening = this.at(index)?.type;
    const openStart = opening === 'until';
    const startIndex = opening === 'from' ? index + 1 : openStart ? this.skipEndOf(index + 1) : index;
    const start = this.parsePoint(startIndex);
    if (start === null) return null;
    const single = (next: number, openEnd = false): Parsed<DateExpression> => ({
      value: { start: start.value, end: start.value, openStart, openEnd, missingDash: false },
      next,
    });
    if (openStart) return single(start.next);

    const connector = this.at(start.next)?.type;
    if (connector === 'dash' || connector === 'until') {
      const end = this.parsePoint(start.next + 1);
      if (end !== null) {
        return { value: { start: start.value, end: end.value, openStart, openEnd: false, missingDash: false }, next: end.next };
      }
    }
    if (start.value.unit === 'day' && start.value.month === undefined && connector === 'number') {
      const end = this.parsePoint(start.next);
      if (end !== null && end.value.unit === 'day' && end.value.month !== undefined) {
        return { value: { start: start.value, end: end.value, openStart, openEnd: false, missingDash: true }, next: end.next };
      }
    }
    return single(start.next, opening === 'from');
  }

  parseAll(): DateExpression[] {
    const expressions: DateExpression[] = [];
    let cursor = 0;
    while (cursor < this.tokens.length && !this.is(cursor, 'then')) {
      const parsed = this.parseExpression(cursor);
      if (parsed === null) {
        cursor += 1;
      } else {
        expressions.push(parsed.value);
        cursor = parsed.next;
      }
    }
    return expressions;
  }
}

/**
 * Reads the date expressions of a tokenized deadline, in order. Each expression becomes one interval
 * (one stage); expressions after «далее» are left to the recurrence.
 */
export function parseDateExpressions(tokens: readonly DeadlineToken[]): DateExpression[] {
  return new ExpressionParser(tokens).parseAll();
}
