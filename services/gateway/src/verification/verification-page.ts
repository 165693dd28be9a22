import { DOCUMENT_KIND_NAMES, type DocumentVerificationDto, type SignatureCheckDto, type VerificationVerdict } from '@eduplan/contracts';
import { UPLOAD_FIELD } from '../uploads/file-upload';
import type { IssuedActDto } from './issued-act';
import { MAX_UPLOAD_MB } from './pdf-upload';

/** What the verdict means for the reader, and what to do about it. */
export const VERDICT_TEXT: Record<VerificationVerdict, { title: string; detail: string; tone: 'ok' | 'bad' | 'warn' }> = {
  authentic: {
    title: 'Документ подлинный, подпись действительна',
    detail: 'Файл побайтно совпадает с подписанным документом, хранящимся в системе, и его электронная подпись проходит проверку.',
    tone: 'ok',
  },
  modified: {
    title: 'Файл изменён / подпись недействительна',
    detail:
      'Файл не совпадает ни с одним документом, хранящимся в системе, и его электронная подпись не проходит проверку. Не полагайтесь на этот файл: получите подлинник по ссылке из QR-кода.',
    tone: 'bad',
  },
  untrusted: {
    title: 'Подпись сделана сертификатом, которому нельзя доверять',
    detail:
      'Файл после подписания не менялся, но сертификат подписи выдан не доверенным удостоверяющим центром (например, изготовлен самостоятельно). Имя владельца в таком сертификате ничего не доказывает: документ нельзя считать подписанным. Получите подлинник по ссылке из QR-кода.',
    tone: 'bad',
  },
  certificate_invalid: {
    title: 'Сертификат подписи не действовал в момент подписания',
    detail:
      'На дату и время подписания срок действия сертификата подписанта ещё не начался или уже истёк, поэтому подпись недействительна. Получите подлинник по ссылке из QR-кода.',
    tone: 'bad',
  },
  unknown_file: {
    title: 'Подпись действительна, но файла нет в системе',
    detail:
      'Электронная подпись файла проходит проверку и сделана доверенным сертификатом, но ни один документ системы не совпадает с ним побайтно. Сверьте его с подлинником по ссылке из QR-кода.',
    tone: 'warn',
  },
  unsigned: {
    title: 'Документ хранится в системе, но не подписан',
    detail: 'Файл совпадает с документом системы, однако электронной подписи в нём нет: это не подписанный экземпляр.',
    tone: 'warn',
  },
  signature_invalid: {
    title: 'Подпись недействительна',
    detail: 'Файл совпадает с документом системы, но его электронная подпись не проходит проверку. Обратитесь к администратору системы.',
    tone: 'bad',
  },
};


const TIME_ZONE = 'Europe/Moscow';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const dateTime = (iso: string) =>
  `${new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'medium' }).format(new Date(iso))} (МСК)`;

const date = (iso: string) => new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE }).format(new Date(iso));

/**
 * The public page of one check: the verdict first, then the act the document belongs to, the stored file, and
 * every signature with its certificate.
 */
export function verificationPage(result: DocumentVerificationDto, checked: 'stored' | 'upload', act: IssuedActDto | null): string {
  const verdict = VERDICT_TEXT[result.verdict];
  return layout(
    verdict.title,
    `<section class="verdict ${verdict.tone}"><h2>${escape(verdict.title)}</h2><p>${escape(verdict.detail)}</p></section>
${checked === 'upload' ? uploadedFile(result) : ''}${issuedAct(result, act)}${storedDocument(result)}${signatures(result)}`,
  );
}

/** The same page frame with a message saying what went wrong and what to do. */
export function verificationErrorPage(message: string): string {
  return layout('Проверка невозможна', `<section class="verdict bad"><h2>Проверка невозможна</h2><p>${escape(message)}</p></section>`);
}

/** The page without a result: only the upload form. */
export function uploadFormPage(): string {
  return layout('Проверка документа', '<p>Проверьте документ по ссылке из его QR-кода или загрузите файл ниже.</p>');
}

function uploadedFile(result: DocumentVerificationDto): string {
  return rows('Проверенный файл', [
    ['Размер', `${result.size.toLocaleString('ru-RU')} байт`],
    ['SHA-256', `<code>${result.sha256}</code>`],
    ['Совпадает с документом системы', result.identical ? 'да, побайтно' : 'нет'],
  ]);
}

function issuedAct(result: DocumentVerificationDto, act: IssuedActDto | null): string {
  if (!act || !result.document) return '';
  const registration =
    act.registrationNumber && act.registeredOn
      ? `№ ${escape(act.registrationNumber)} от ${date(`${act.registeredOn}T12:00:00Z`)}`
      : 'не зарегистрирован';
  return rows(result.document.kind === 'order' ? 'Сведения о документе' : 'Приказ, к которому относится документ', [
    ['Вид документа', escape(act.kind)],
    ['Заголовок', escape(act.title)],
    ['Номер и дата', registration],
    ['Издан', escape(act.issuer)],
    ['Действует ли', act.inForce ? `<strong class="ok">${escape(act.statusText)}</strong>` : `<strong class="bad">${escape(act.statusText)}</strong>`],
  ]);
}

function storedDocument(result: DocumentVerificationDto): string {
  const document = result.document;
  if (!document) return '';
  return rows('Документ в системе', [
    ['Вид', escape(DOCUMENT_KIND_NAMES[document.kind])],
    ['Файл', `<a href="/api/documents/${document.id}/content">${escape(document.fileName)}</a>`],
    ['Версия', String(document.version)],
    ['Сохранён', dateTime(document.createdAt)],
    ['SHA-256', `<code>${document.sha256}</code>`],
    ['Целостность хранимого файла', document.sha256 === result.sha256 ? 'не нарушена' : 'нарушена: содержимое не совпадает с контрольной суммой'],
  ]);
}

function signatures(result: DocumentVerificationDto): string {
  const { signatures: report } = result;
  if (report.signatures.length === 0) return '<section><h2>Электронная подпись</h2><p>В файле нет электронной подписи.</p></section>';
  const problems = report.problems.length ? `<ul class="problems">${report.problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : '';
  return report.signatures.map((signature) => signatureRows(signature, report.signatures.length)).join('\n') + problems;
}

function signatureRows(signature: SignatureCheckDto, count: number): string {
  const certificate = signature.certificate;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : '');
  return rows(count > 1 ? `Электронная подпись № ${signature.index}` : 'Электронная подпись', [
    ['Результат проверки', signature.valid ? '<strong class="ok">подпись действительна</strong>' : `<strong class="bad">подпись недействительна</strong>${list(signature.problems)}`],
    ['Подписал', escape(certificate?.subject.commonName ?? certificate?.subject.text ?? 'не удалось определить')],
    ['Дата и время подписания', signature.signingTime ? dateTime(signature.signingTime) : 'не указаны в подписи'],
    ...(certificate
      ? ([
          ['Сертификат, серийный номер', `<code>${certificate.serialNumber}</code>`],
          ['Владелец сертификата', escape(certificate.subject.text)],
          ['Издатель сертификата', escape(certificate.issuer.text)],
          ['Срок действия', `с ${date(certificate.validFrom)} по ${date(certificate.validTo)}`],
          ['Алгоритм', certificate.algorithm === 'GOST' ? 'ГОСТ Р 34.10-2012' : 'RSA'],
        ] as [string, string][])
      : []),
    ...(signature.warnings.length ? ([['Замечания', list(signature.warnings)]] as [string, string][]) : []),
  ]);
}

function rows(title: string, items: [string, string][]): string {
  return `<section><h2>${escape(title)}</h2><table>${items.map(([name, value]) => `<tr><th>${escape(name)}</th><td>${value}</td></tr>`).join('')}</table></section>`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — проверка документа</title>
<style>
body { font: 16px/1.5 "Liberation Serif", "Times New Roman", serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
section { margin: 1.25rem 0; }
.verdict { padding: 1rem 1.25rem; border-radius: 6px; border: 2px solid; }
.verdict.ok { border-color: #2e7d32; background: #edf7ed; } .verdict.bad { border-color: #c62828; background: #fdecea; } .verdict.warn { border-color: #b26a00; background: #fff4e5; }
strong.ok { color: #2e7d32; } strong.bad { color: #c62828; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ddd; }
th { width: 16rem; font-weight: normal; color: #555; } code { font-size: .85rem; word-break: break-all; }
form { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #ccc; }
</style>
</head>
<body>
<h1>Проверка электронного документа</h1>
${body}
<form method="post" action="/verify" enctype="multipart/form-data">
<h2>Проверить файл</h2>
<p>Загрузите PDF-файл (не более ${MAX_UPLOAD_MB} МБ): система скажет, совпадает ли он побайтно с подписанным документом и действительна ли его подпись.</p>
<input type="file" name="${UPLOAD_FIELD}" accept="application/pdf,.pdf" required>
<button type="submit">Проверить</button>
</form>
</body>
</html>
`;
}
