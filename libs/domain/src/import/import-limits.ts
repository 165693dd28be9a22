import { PlanImportLimitError } from './plan-import-error';

/** How much an untrusted plan file may cost to import; one place for the gateway and the CLI. */
export interface PlanImportLimits {
  /** The file as uploaded. */
  maxFileBytes: number;
  /** word/document.xml once unpacked: checked against the zip's declared size and while inflating. */
  maxUnpackedBytes: number;
  /** Entries in the zip's central directory. */
  maxZipEntries: number;
  /** Elements nested in one another in the document's XML. */
  maxXmlDepth: number;
  /** Wall time of one import, from starting its worker to the answer. */
  maxMilliseconds: number;
  /** Heap of the worker thread that parses the file. */
  maxHeapMegabytes: number;
  /** Imports running at once in one process (each on its own worker); more wait their turn. */
  maxConcurrentImports: number;
}

export const PLAN_IMPORT_LIMITS: PlanImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  // A 150-event plan's document.xml is about 2 MB; fifteen times that is still a plan, not a bomb.
  maxUnpackedBytes: 32 * 1024 * 1024,
  maxZipEntries: 2000,
  // Word nests tables in cells a few levels deep; nothing real comes near this.
  maxXmlDepth: 256,
  maxMilliseconds: 30_000,
  maxHeapMegabytes: 512,
  maxConcurrentImports: 2,
};

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} МБ`;

export const unpackedTooLarge = (limits: PlanImportLimits, size: number | null) =>
  new PlanImportLimitError(
    'unpacked-size',
    `текст документа${size === null ? '' : ` (${mb(size)})`} в распакованном виде больше предела ${mb(limits.maxUnpackedBytes)}`,
    `the unpacked document is larger than ${limits.maxUnpackedBytes} bytes`,
  );

export const tooManyZipEntries = (limits: PlanImportLimits, count: number) =>
  new PlanImportLimitError(
    'zip-entries',
    `в архиве ${count} файлов, больше предела ${limits.maxZipEntries}`,
    `the zip holds ${count} entries, over the limit of ${limits.maxZipEntries}`,
  );

export const xmlTooDeep = (limits: PlanImportLimits) =>
  new PlanImportLimitError(
    'xml-depth',
    `элементы документа вложены глубже предела ${limits.maxXmlDepth} уровней`,
    `elements nested deeper than ${limits.maxXmlDepth} levels`,
  );

export const importTooSlow = (limits: PlanImportLimits) =>
  new PlanImportLimitError(
    'time',
    `разбор занял больше предела ${limits.maxMilliseconds / 1000} с; разделите план на части`,
    `parsing took longer than ${limits.maxMilliseconds / 1000} s`,
  );

export const importOutOfMemory = (limits: PlanImportLimits) =>
  new PlanImportLimitError(
    'memory',
    `разбор потребовал больше предела памяти ${limits.maxHeapMegabytes} МБ; разделите план на части`,
    `parsing needed more than ${limits.maxHeapMegabytes} MB of memory`,
  );
