import { deeplyNestedDocx, docxZipBomb } from '@eduplan/domain/testing';
import { E2eSystem } from '../support/e2e-system';

jest.setTimeout(180_000);

type Answer = { status: number; body: { code: string; message: string } };

/**
 * Issue 7 item 12: two small files took the gateway down (a zip bomb exhausted its heap, 100,000 nested
 * elements held its CPU for minutes). Now they are parsed on a worker thread within limits: each is
 * refused 422 naming the limit, and the gateway keeps answering /health meanwhile.
 */
describe('hostile plan uploads', () => {
  let system: E2eSystem;

  const upload = async (bytes: Buffer, asForm: boolean): Promise<Answer> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'plan.docx');
    const response = await (await system.operator()).fetch('/api/plans/import/preview', {
      method: 'POST',
      body: asForm ? form : bytes,
      headers: asForm ? {} : { 'content-type': 'application/octet-stream' },
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  /** How long /health takes to answer, and with what. */
  const probeHealth = async () => {
    const started = performance.now();
    const response = await fetch(`${system.baseUrl}/health`);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };

  beforeAll(async () => {
    system = await E2eSystem.start();
    await system.until('every part healthy', async () => ((await probeHealth()).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses a zip bomb and a deeply nested .docx with 422 naming the limit while /health keeps answering within 1 s', async () => {
    const [honestBomb, lyingBomb, deep] = [docxZipBomb(1024), docxZipBomb(1024, 10_000), await deeplyNestedDocx(100_000)];
    // The machine running the tests is shared and loaded: the slowest idle answer is the slack allowed.
    const idle = Math.max(...(await Promise.all([0, 1, 2].map(() => probeHealth()))).map((p) => p.ms));

    let uploading = true;
    const probes: { status: number; ms: number }[] = [];
    const probing = (async () => {
      while (uploading) {
        probes.push(await probeHealth());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const answers = await Promise.all([
      upload(honestBomb, true),
      upload(lyingBomb, false),
      upload(deep, true),
      upload(lyingBomb, true),
      upload(deep, false),
    ]);
    uploading = false;
    await probing;

    const [honest, lying, nested, lyingForm, nestedRaw] = answers;
    expect(honest).toMatchObject({ status: 422, body: { message: expect.stringMatching(/^Файл не разобран: текст документа \(1024 МБ\) в распакованном виде больше предела 32 МБ/) } });
    for (const answer of [lying, lyingForm]) {
      expect(answer).toMatchObject({ status: 422, body: { message: expect.stringMatching(/в распакованном виде больше предела 32 МБ/) } });
    }
    for (const answer of [nested, nestedRaw]) {
      expect(answer).toMatchObject({ status: 422, body: { message: expect.stringMatching(/вложены глубже предела 256 уровней/) } });
    }
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.filter((p) => p.status !== 200 || p.ms > 1000 + idle)).toEqual([]);
    expect(system.services.get('gateway')?.running).toBe(true);
  });
});
