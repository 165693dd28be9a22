import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ImportedPlanFile } from '@eduplan/domain';
import { MissingFontsError, MonitoringFigures, PdfInputError, renderMonitoringMemoPdf, renderOrderPdf } from '@eduplan/pdf';
import { certificateStampInfo, createPdfSigner, loadPkcs12File, SigningError } from '@eduplan/signing';
import { CliCommand, CliUsageError } from '../command';

const USAGE =
  'render order --input ПЛАН.json --out ПРИКАЗ.pdf [--draft | --sign --cert ПОДПИСЬ.p12 --password ПАРОЛЬ] | render memo --input ИТОГИ.json --out СПРАВКА.pdf   официальный PDF';

/**
 * Renders an official PDF from JSON: `order` takes what `eduplan import --json` prints, `memo` the monitoring figures.
 * The steps are read → render → write; with `--sign` the certificate's stamp is drawn and the PDF signed (PAdES) before writing.
 */
export const renderCommand: CliCommand = {
  name: 'render',
  usage: USAGE,
  async run(args) {
    const request = parseRequest(args);
    const warn = (message: string) => process.stderr.write(`Предупреждение / warning: ${message}\n`);
    const pdf = await renderRequested(request, warn);
    await writeFile(request.out, pdf);
    process.stdout.write(`${request.out}: ${pdf.length} байт / bytes\n`);
    return 0;
  },
};

interface RenderRequest {
  target: 'order' | 'memo';
  input: string;
  out: string;
  draft: boolean;
  signing: { certificate: string; password: string } | null;
}

function parseRequest(args: string[]): RenderRequest {
  const [target, ...rest] = args;
  if (target !== 'order' && target !== 'memo') {
    throw new CliUsageError(`Укажите order или memo / expected order or memo. Использование: eduplan ${USAGE}`);
  }
  let values: { input?: string; out?: string; draft?: boolean; sign?: boolean; cert?: string; password?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        draft: { type: 'boolean', default: false },
        sign: { type: 'boolean', default: false },
        cert: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`Неверные параметры / bad options: ${(error as Error).message}. Использование: eduplan ${USAGE}`);
  }
  if (!values.input || !values.out) {
    throw new CliUsageError(`Нужны --input и --out / --input and --out are required. Использование: eduplan ${USAGE}`);
  }
  if (values.draft && target === 'memo') {
    throw new CliUsageError('--draft относится только к order / --draft applies to order only');
  }
  return { target, input: values.input, out: values.out, draft: values.draft ?? false, signing: signingOf(target, values) };
}

function signingOf(
  target: RenderRequest['target'],
  values: { draft?: boolean; sign?: boolean; cert?: string; password?: string },
): RenderRequest['signing'] {
  if (!values.sign) {
    if (values.cert || values.password) throw new CliUsageError('--cert и --password нужны только с --sign / --cert and --password need --sign');
    return null;
  }
  if (target === 'memo') throw new CliUsageError('--sign относится только к order / --sign applies to order only');
  if (values.draft) throw new CliUsageError('Проект не подписывают: уберите --draft или --sign / a draft is not signed: drop --draft or --sign');
  if (!values.cert || values.password === undefined) {
    throw new CliUsageError('С --sign нужны --cert ФАЙЛ.p12 и --password ПАРОЛЬ / --sign needs --cert FILE.p12 and --password PW');
  }
  return { certificate: values.cert, password: values.password };
}

async function renderRequested(request: RenderRequest, onWarning: (message: string) => void): Promise<Buffer> {
  try {
    if (request.target === 'order') {
      const file = await readInput(request.input, isImportedPlanFile, 'JSON импорта плана / plan import JSON');
      if (!request.signing) {
        return await renderOrderPdf({ document: file.document, plan: file.plan, options: { draft: request.draft } }, { onWarning });
      }
      const credentials = await loadCredentials(request.signing);
      const signatureStamp = certificateStampInfo(credentials.certificatePem);
      const pdf = await renderOrderPdf({ document: file.document, plan: file.plan, options: { draft: false, signatureStamp } }, { onWarning });
      return await createPdfSigner(credentials).sign(pdf);
    }
    const figures = await readInput(request.input, isMonitoringFigures, 'итоги мониторинга / monitoring figures');
    return await renderMonitoringMemoPdf(figures, { onWarning });
  } catch (error) {
    if (error instanceof PdfInputError || error instanceof MissingFontsError || error instanceof SigningError) {
      throw new CliUsageError(error.message);
    }
    throw error;
  }
}

async function loadCredentials({ certificate, password }: NonNullable<RenderRequest['signing']>) {
  try {
    return await loadPkcs12File(certificate, password);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliUsageError(`Нет файла сертификата ${certificate} / certificate file not found`);
    }
    throw error;
  }
}

async function readInput<T>(path: string, isExpected: (value: unknown) => value is T, what: string): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`Не удалось прочитать ${path} как JSON / cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  if (!isExpected(value)) {
    throw new CliUsageError(`${path}: это не ${what} / not the expected input`);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The shape the renderer walks: a document object and plan sections with events. */
function isImportedPlanFile(value: unknown): value is ImportedPlanFile {
  if (!isObject(value) || !isObject(value.document) || !isObject(value.plan) || !Array.isArray(value.plan.sections)) return false;
  return value.plan.sections.every(
    (section: unknown) =>
      isObject(section) &&
      typeof section.title === 'string' &&
      Array.isArray(section.events) &&
      section.events.every(
        (event: unknown) =>
          isObject(event) && typeof event.title === 'string' && isObject(event.deadline) && Array.isArray(event.responsible),
      ),
  );
}

function isMonitoringFigures(value: unknown): value is MonitoringFigures {
  return (
    isObject(value) &&
    (value.kind === 'monitoring_memo' || value.kind === 'quarterly_memo') &&
    typeof value.issuer === 'string' &&
    typeof value.title === 'string' &&
    isObject(value.period) &&
    ['sections', 'organizations', 'indicators', 'notHeld'].every((key) => Array.isArray(value[key]))
  );
}
