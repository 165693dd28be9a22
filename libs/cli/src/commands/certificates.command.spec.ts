import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPkcs12File } from '@eduplan/signing';
import { CliUsageError } from '../command';
import { certificatesCommand } from './certificates.command';

describe('eduplan certificates', () => {
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduplan-cli-certificates-'));
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await certificatesCommand.run(['--out', dir, '--password', 'пароль'])).toBe(0);
      output = write.mock.calls.map(([chunk]) => String(chunk)).join('');
    } finally {
      write.mockRestore();
    }
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the CA and the minister’s certificates with the given password', async () => {
    expect((await readdir(dir)).sort()).toEqual([
      'ca-gost.crt.pem',
      'ca-gost.key.pem',
      'ca-rsa.crt.pem',
      'ca-rsa.key.pem',
      'kalinina-gost.crt.pem',
      'kalinina-gost.key.pem',
      'kalinina-gost.p12',
      'kalinina-rsa.crt.pem',
      'kalinina-rsa.key.pem',
      'kalinina-rsa.p12',
    ]);
    expect((await loadPkcs12File(join(dir, 'kalinina-rsa.p12'), 'пароль')).algorithm).toBe('RSA');
    expect(output).toContain('создано файлов 10');
    expect(output).toContain('Калинина Ольга Евгеньевна');
  });

  it('asks for the output directory', async () => {
    await expect(certificatesCommand.run([])).rejects.toThrow(CliUsageError);
    await expect(certificatesCommand.run(['--dir', dir])).rejects.toThrow('Неизвестный или неполный параметр: --dir');
  });
});
