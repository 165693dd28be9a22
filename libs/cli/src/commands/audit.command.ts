import { auditedSchemas, loadConfig, verifyAuditChain } from '@eduplan/platform';
import { Client } from 'pg';
import { CliCommand, CliUsageError } from '../command';

/**
 * Recomputes the hash chain of every schema's audit log straight from PostgreSQL (it needs no running
 * service) and names the first row that does not fit. Exit code 1 when a chain is broken.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify   проверить цепочки хешей журналов аудита всех сервисов',
  async run(args) {
    if (args.length !== 1 || args[0] !== 'verify') throw new CliUsageError(`Использование: eduplan ${auditCommand.usage}`);
    const client = new Client({ connectionString: loadConfig().DATABASE_URL });
    await client.connect();
    try {
      const schemas = await auditedSchemas(client);
      if (schemas.length === 0) {
        process.stdout.write('Журналов аудита нет: выполните миграции (npm run migrate)\n');
        return 0;
      }
      let broken = false;
      for (const schema of schemas) {
        const report = await verifyAuditChain(client, schema);
        if (report.broken) {
          broken = true;
          process.stdout.write(`${schema}: НАРУШЕНА на записи seq ${report.broken.seq}: ${report.broken.reason} (до неё проверено записей: ${report.rows})\n`);
        } else {
          process.stdout.write(`${schema}: цепочка цела, записей: ${report.rows}\n`);
        }
      }
      return broken ? 1 : 0;
    } finally {
      await client.end();
    }
  },
};
