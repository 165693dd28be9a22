import { DomainException } from '@eduplan/platform';

/** What an edit can get wrong, in words that say what to fix. */
export const sectionNotFound = (id: string) => new DomainException('NOT_FOUND', `Раздел ${id} в плане не найден — обновите план`);
export const eventNotFound = (id: string) => new DomainException('NOT_FOUND', `Мероприятие ${id} в плане не найдено — обновите план`);
export const sectionNotEmpty = (title: string, count: number) =>
  new DomainException('VALIDATION', `Раздел «${title}» содержит мероприятий: ${count}. Перенесите их в другой раздел или удалите, затем удалите раздел`);
export const lastSection = () => new DomainException('VALIDATION', 'В плане должен остаться хотя бы один раздел');
export const nothingToSplit = (title: string) =>
  new DomainException('VALIDATION', `У мероприятия «${title}» нет подстрок (нужно хотя бы две) — разделять нечего`);
export const repeatedEvents = () => new DomainException('VALIDATION', 'Одно и то же мероприятие указано для объединения дважды');
