import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVIDENCE_CHUNK_BYTES, ReportingRoutes, type EvidenceChunkDto, type EvidenceUploadDto } from '@eduplan/contracts';
import { auditActorOf, DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { EvidenceFileEntity } from './evidence-file.entity';
import { EVIDENCE_KINDS_TEXT, EVIDENCE_TYPES, isDocx, sniffEvidenceType } from './evidence-type';
import { mayRead, ownOrganization } from './report-access';
import { REPORTING_CONFIG, type ReportingConfig } from './reporting.config';
import { reportingAudit } from './reporting-audit';
import { ReportingPeriodEntity } from './reporting-period.entity';

const R = ReportingRoutes;

/**
 * Evidence files of reports, stored here in PostgreSQL. A file crosses the bus in chunks of EVIDENCE_CHUNK_BYTES
 * (NATS refuses messages over 1 MB), in order: the first one says the file's size and shows its type by its first
 * bytes; the file is attachable once every byte has come. A file that turns out not to be what it claimed is deleted.
 */
@Controller()
export class EvidenceController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  @MessagePattern(R.startEvidence.subject)
  start(@Payload(new RoutePipe(R.startEvidence)) request: z.output<typeof R.startEvidence.request>): Promise<EvidenceUploadDto> {
    const organizationId = ownOrganization(request.actor);
    const max = this.config.REPORT_FILE_MAX_BYTES;
    if (request.size > max) throw new DomainException('TOO_LARGE', `Файл «${request.name}» больше ${megabytes(max)}: приложите файл меньшего размера или дайте ссылку на него`);
    const data = Buffer.from(request.base64, 'base64');
    checkChunk(data, 0, request.size);
    const contentType = sniffEvidenceType(data);
    if (!contentType) throw notEvidence(request.name);
    return this.completed(
      this.db.transaction(async (m) => {
        const period = await m.findOneBy(ReportingPeriodEntity, { id: request.periodId });
        if (!period) throw notFound('Отчётный период', request.periodId);
        const [owes] = await m.query(`SELECT 1 FROM reporting.period_organizations WHERE period_id = $1 AND organization_id = $2`, [period.id, organizationId]);
        if (!owes) {
          throw new DomainException('FORBIDDEN', 'Ваша организация не отчитывается за этот период: в нём нет её мероприятий');
        }
        if (period.status === 'closed') throw new DomainException('CONFLICT', `Отчётный период ${period.quarter} квартал ${period.year} г. закрыт; файлы не принимаются`);
        const file = await m.save(
          m.create(EvidenceFileEntity, { periodId: period.id, organizationId, name: request.name, contentType, size: request.size, received: data.length, createdBy: request.actor.login }),
        );
        await m.query(`INSERT INTO reporting.evidence_chunks (file_id, seq, data) VALUES ($1, 0, $2)`, [file.id, data]);
        await reportingAudit.append(m, { actor: auditActorOf(request.actor), action: 'evidence.upload', objectType: 'evidence_file', objectId: file.id, after: file.toDto() });
        return file;
      }),
    );
  }

  @MessagePattern(R.appendEvidence.subject)
  append(@Payload(new RoutePipe(R.appendEvidence)) request: z.output<typeof R.appendEvidence.request>): Promise<EvidenceUploadDto> {
    const organizationId = ownOrganization(request.actor);
    const data = Buffer.from(request.base64, 'base64');
    return this.completed(
      this.db.transaction(async (m) => {
        const file = await m.findOne(EvidenceFileEntity, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
        if (!file || file.organizationId !== organizationId) throw notFound('Файл', request.id);
        if (file.complete || request.seq * EVIDENCE_CHUNK_BYTES !== file.received) {
          throw new DomainException('CONFLICT', `Часть ${request.seq} файла «${file.name}» не следующая: загрузите файл заново`);
        }
        checkChunk(data, file.received, file.size);
        await m.query(`INSERT INTO reporting.evidence_chunks (file_id, seq, data) VALUES ($1, $2, $3)`, [file.id, request.seq, data]);
        file.received += data.length;
        await m.save(file);
        return file;
      }),
    );
  }

  /** One chunk of a complete file, to its organization's reporters and the staff of the period's ministry. */
  @MessagePattern(R.readEvidence.subject)
  async read(@Payload(new RoutePipe(R.readEvidence)) { id, seq, actor }: z.output<typeof R.readEvidence.request>): Promise<EvidenceChunkDto> {
    const file = await this.db.manager.findOneBy(EvidenceFileEntity, { id });
    const period = file && (await this.db.manager.findOneByOrFail(ReportingPeriodEntity, { id: file.periodId }));
    if (!file || !period || !file.complete || !mayRead(actor, file.organizationId, period)) throw notFound('Файл', id);
    const chunks = Math.ceil(file.size / EVIDENCE_CHUNK_BYTES);
    const [row] = (await this.db.query(`SELECT data FROM reporting.evidence_chunks WHERE file_id = $1 AND seq = $2`, [id, seq])) as { data: Buffer }[];
    if (!row) throw new DomainException('NOT_FOUND', `В файле «${file.name}» ${chunks} частей, части ${seq} нет`);
    return { ...file.toDto(), chunks, base64: row.data.toString('base64') };
  }

  /** A Word document is recognised only whole: a completed ZIP that is not one is deleted, and the reporter told why. */
  private async completed(stored: Promise<EvidenceFileEntity>): Promise<EvidenceUploadDto> {
    const file = await stored;
    if (file.complete && file.contentType === EVIDENCE_TYPES.docx && !isDocx(await this.content(this.db.manager, file.id))) {
      await this.db.manager.delete(EvidenceFileEntity, { id: file.id });
      throw notEvidence(file.name);
    }
    return file.toUploadDto();
  }

  private async content(m: EntityManager, id: string): Promise<Buffer> {
    const rows = (await m.query(`SELECT data FROM reporting.evidence_chunks WHERE file_id = $1 ORDER BY seq`, [id])) as { data: Buffer }[];
    return Buffer.concat(rows.map((r) => r.data));
  }
}

/** Every chunk is full but the last, and none goes past the size declared. */
function checkChunk(data: Buffer, received: number, size: number): void {
  const expected = Math.min(EVIDENCE_CHUNK_BYTES, size - received);
  if (data.length !== expected) throw new DomainException('VALIDATION', `Часть файла — ${data.length} байт, ожидалось ${expected}: загрузите файл заново`);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} МБ`;

const notEvidence = (name: string) =>
  new DomainException('VALIDATION', `Файл «${name}» — не ${EVIDENCE_KINDS_TEXT} (проверено по содержимому, не по имени): приложите документ или снимок одного из этих видов`);
