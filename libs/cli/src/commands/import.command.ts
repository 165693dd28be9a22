import { readFile, stat } from 'node:fs/promises';
import {
  DEFAULT_MAX_PLAN_BYTES,
  importPlanFileIsolated,
  PlanImportError,
  PlanImportLimitError,
  planTooLargeError,
  type ImportedPlanFile,
} from '@eduplan/domain';
import { CliCommand, CliUsageError } from '../command';

const KINDS = { prikaz: 'приказ', rasporyazhenie: 'распоряжение' } as const;
const SHOWN_WARNINGS = 10;

/** Reads a plan document (.docx, .xlsx, PDF with a text layer or extracted text) and prints what was recognised. */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import ФАЙЛ [--json]   разобрать план мероприятий (.docx, .xlsx, PDF с текстом или текст) и показать результат',
  async run(args) {
    const json = args.includes('--json');
    const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
    const files = args.filter((arg) => !arg.startsWith('--'));
    if (unknown.length > 0 || files.length !== 1) {
      throw new CliUsageError(`Неверные параметры / bad arguments. Использование: eduplan ${importCommand.usage}`);
    }
    const file = await importFile(files[0]);
    process.stdout.write(json ? `${JSON.stringify(file, null, 2)}\n` : summary(file));
    return 0;
  },
};

async function importFile(path: string): Promise<ImportedPlanFile> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) throw new CliUsageError(`Файл не найден: ${path} / File not found: ${path}`);
  // Refuse before reading a huge file into memory; the domain check covers callers that pass bytes.
  if (size > DEFAULT_MAX_PLAN_BYTES) throw new CliUsageError(planTooLargeError(size).message);
  try {
    // The same worker thread and limits as the gateway's upload: a hostile file fails fast, naming the limit.
    return await importPlanFileIsolated(await readFile(path));
  } catch (error) {
    if (error instanceof PlanImportError || error instanceof PlanImportLimitError) throw new CliUsageError(error.message);
    throw error;
  }
}

function summary(file: ImportedPlanFile): string {
  const { document: doc, plan, warnings } = file;
  const events = plan.sections.reduce((sum, section) => sum + section.events.length, 0);
  const act = [
    doc.kind ? KINDS[doc.kind] : 'документ',
    doc.number ? `№ ${doc.number}` : null,
    doc.date ? `от ${russianDate(doc.date)}` : null,
    doc.issuer,
  ].filter(Boolean);
  const lines = [
    `План: ${plan.title ?? '(без названия)'}`,
    `Документ: ${act.join(', ')}`,
    `Период: ${russianDate(plan.period.start)} — ${russianDate(plan.period.end)}`,
    `Разделов: ${plan.sections.length}, мероприятий: ${events}, предупреждений: ${warnings.length}`,
    ...plan.sections.map(
      (s) => `  ${s.number ?? '—'}. ${s.title} — ${s.events.length} (направление ${s.directionCode ?? 'не определено'})`,
    ),
  ];
  if (warnings.length > 0) {
    lines.push('Предупреждения:');
    lines.push(...warnings.slice(0, SHOWN_WARNINGS).map((w) => `  ${w.line === null ? '' : `строка ${w.line}: `}${w.message}`));
    if (warnings.length > SHOWN_WARNINGS) lines.push(`  … и ещё ${warnings.length - SHOWN_WARNINGS} (полный список: --json)`);
  }
  return `${lines.join('\n')}\n`;
}

function russianDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}
