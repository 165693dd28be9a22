import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from '../command';
import { renderCommand } from './render.command';
import { loadFixtureOrder, sampleFigures } from '@eduplan/pdf/testing';
import { createDevCertificates, DEV_CERTIFICATE_PASSWORD, verifyPdfSignatures } from '@eduplan/signing';
import { readFileSync } from 'node:fs';

describe('eduplan render', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const text = (pdf: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-render-'));
    writeFileSync(file('tver.json'), JSON.stringify(loadFixtureOrder('tver')));
    writeFileSync(file('figures.json'), JSON.stringify(sampleFigures('monitoring_memo')));
    writeFileSync(file('broken.json'), '{"document": ');
    writeFileSync(file('figures-as-plan.json'), JSON.stringify(sampleFigures()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
  afterEach(() => jest.restoreAllMocks());

  it('renders an order from import JSON, as a draft on request', async () => {
    expect(await renderCommand.run(['order', '--input', file('tver.json'), '--out', file('tver.pdf')])).toBe(0);
    expect(text(file('tver.pdf'))).toContain('№1083/ПК');
    expect(await renderCommand.run(['order', '--input', file('tver.json'), '--out', file('draft.pdf'), '--draft'])).toBe(0);
    expect(text(file('draft.pdf'))).toContain('ПРОЕКТ');
  });

  it('renders a monitoring memo', async () => {
    expect(await renderCommand.run(['memo', '--input', file('figures.json'), '--out', file('memo.pdf')])).toBe(0);
    expect(text(file('memo.pdf'))).toContain('СПРАВКА');
  });

  it.each([
    [['order', '--input', 'missing.json', '--out', 'x.pdf'], /Не удалось прочитать missing\.json как JSON \/ cannot read/],
    [['order', '--input', 'BROKEN', '--out', 'x.pdf'], /как JSON \/ cannot read .* as JSON/],
    [['order', '--input', 'FIGURES_AS_PLAN', '--out', 'x.pdf'], /это не JSON импорта плана \/ plan import JSON \/ not the expected input/],
    [['memo', '--input', 'TVER', '--out', 'x.pdf'], /это не итоги мониторинга/],
    [['letter', '--input', 'a', '--out', 'b'], /order или memo \/ expected order or memo/],
    [['order', '--input', 'a'], /--input and --out are required/],
    [['order', '--input', 'a', '--out', 'b', '--signed'], /bad options/],
    [['order', '--input', 'a', '--out', 'b', '--sign'], /--sign needs --cert FILE\.p12 and --password PW/],
    [['order', '--input', 'a', '--out', 'b', '--cert', 'c.p12'], /--cert and --password need --sign/],
    [['order', '--input', 'a', '--out', 'b', '--sign', '--draft', '--cert', 'c', '--password', 'p'], /a draft is not signed/],
    [['memo', '--input', 'a', '--out', 'b', '--sign', '--cert', 'c', '--password', 'p'], /--sign applies to order only/],
    [['order', '--input', 'TVER', '--out', 'x.pdf', '--sign', '--cert', 'missing.p12', '--password', 'p'], /Нет файла сертификата missing\.p12/],
    [['memo', '--input', 'a', '--out', 'b', '--draft'], /--draft applies to order only/],
  ])('rejects %j with a one-line bilingual message', async (args, message) => {
    const resolved = args.map((arg) =>
      arg === 'BROKEN' ? file('broken.json') : arg === 'FIGURES_AS_PLAN' ? file('figures-as-plan.json') : arg === 'TVER' ? file('tver.json') : arg,
    );
    const run = renderCommand.run(resolved);
    await expect(run).rejects.toThrow(CliUsageError);
    await expect(run).rejects.toThrow(message);
  });

  it('signs the order with a PKCS#12 certificate: stamp drawn, pdfsig finds the signature valid', async () => {
    const certificates = await createDevCertificates(file('certificates'));
    const p12 = certificates.people[0].files.RSA.pkcs12!;
    const args = ['order', '--input', file('tver.json'), '--out', file('signed.pdf'), '--sign', '--cert', p12, '--password', DEV_CERTIFICATE_PASSWORD];
    expect(await renderCommand.run(args)).toBe(0);
    expect(text(file('signed.pdf'))).toContain('ДОКУМЕНТПОДПИСАНЭЛЕКТРОННОЙПОДПИСЬЮ');
    expect(text(file('signed.pdf'))).toContain('КалининаОльгаЕвгеньевна');
    expect(execFileSync('pdfsig', [file('signed.pdf')], { encoding: 'utf8' })).toContain('Signature is Valid');
    expect((await verifyPdfSignatures(readFileSync(file('signed.pdf')))).valid).toBe(true);

    const wrongPassword = renderCommand.run([...args.slice(0, -1), 'не-тот-пароль']);
    await expect(wrongPassword).rejects.toThrow(CliUsageError);
  });

  it('turns an order the renderer cannot print into a usage error', async () => {
    const input = loadFixtureOrder('tver');
    writeFileSync(file('no-issuer.json'), JSON.stringify({ ...input, document: { ...input.document, issuer: null } }));
    await expect(renderCommand.run(['order', '--input', file('no-issuer.json'), '--out', file('x.pdf')])).rejects.toThrow(
      new CliUsageError('В документе не указан издатель / the document has no issuer'),
    );
  });
});
