/** An inclusive span of calendar days, both ends `YYYY-MM-DD`. */
export interface DateInterval {
  start: string;
  end: string;
}

export type Recurrence = 'weekly' | 'monthly' | 'quarterly' | 'annually';

export type ScheduleKind =
  | 'date'
  | 'range'
  | 'period'
  | 'continuous'
  | 'recurring'
  | 'external'
  | 'unknown';

/** The plan's own period: every deadline is resolved against it. */
export interface PlanPeriod {
  start: string;
  end: string;
}

/** A «Сроки проведения» cell understood as dates (DESIGN.md §3). */
export interface Schedule {
  raw: string;
  kind: ScheduleKind;
  /** One interval per stage; never empty (unknown text spans the plan period). */
  intervals: DateInterval[];
  recurrence: Recurrence | null;
  /** 0..1: 1 when the text names exact dates, lower when a year or bound was guessed. */
  confidence: number;
  /** Russian, for the person who checks the plan. */
  warnings: string[];
  /**
   * Recurring schedules only: the last day an occurrence may fall on (the plan's end unless the text
   * bounds it). Their `intervals` are then either the first occurrence(s) («III квартал 2022, далее –
   * ежемесячно») or, when at least one step long, the span the recurrence fills («Ежемесячно 2021-2024»).
   * Absent on annual schedules: their `intervals` are already every year's occurrence inside the plan.
   */
  repeatUntil?: string;
}
