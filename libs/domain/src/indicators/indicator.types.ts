/** `>=` «не менее», `<=` «не более», `>` «более», `<` «менее», `=` «ровно». A bare figure is a target to reach: `>=`. */
export type Comparator = '>=' | '<=' | '>' | '<' | '=';

/** A share of a population (percent) or a count of things. */
export type IndicatorMeasure = 'доля' | 'количество';

/** A measurable target read from an expected result or an event's text. */
export interface IndicatorTarget {
  measure: IndicatorMeasure;
  comparator: Comparator;
  value: number;
  /** «%» for a share; for a count, what is counted in its dictionary form («мероприятие», «организация»), or the word as written. */
  unit: string;
  /** Who or what the figure is about, as written («обучающихся 5–9 классов», «ЦЦО», «ОУ»); null for counts of events. */
  population: string | null;
  /** «в год», «в квартал», «в месяц» when the target is per period. */
  per: 'год' | 'квартал' | 'месяц' | null;
  /** The words the target was read from. */
  phrase: string;
}

export type Achievement = 'достигнут' | 'не достигнут' | 'нет данных';
