import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, DocumentDto, DocumentKind } from '@eduplan/contracts';
import { notFound, type AuditEntry } from '@eduplan/platform';
import { sha256Hex } from '@eduplan/signing';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { assertMayRead, mayRead } from './document-access';
import { DocumentEntity } from './document.entity';
import { documentsAudit } from './documents-audit';

/** What a rendering is of: one stored document per key, whatever the retries. */
export interface RenderingKey {
  kind: DocumentKind;
  subjectId: string;
  periodId: string | null;
  /** SHA-256 of the render input (`contentKey`). */
  contentKey: string;
}

export interface NewDocument extends RenderingKey {
  id: string;
  issuerId: string;
  fileName: string;
  content: Buffer;
  signed: boolean;
  createdBy: string;
}

/**
 * Stored files with their SHA-256; a rendering of new content is a new version, never an overwrite, and a
 * rendering of content already stored returns the stored document.
 */
@Injectable()
export class DocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The document already rendered from this content, if any. */
  async findRendered(key: RenderingKey): Promise<DocumentDto | null> {
    return (await renderedBy(this.dataSource.manager, key))?.toDto() ?? null;
  }

  /**
   * Stores the rendering, or returns the one a concurrent or earlier call stored for the same key (the unique
   * index backs this). `audit` is what the log records of a new row (a signature), in the same transaction.
   */
  save(document: NewDocument, audit?: (stored: DocumentDto) => AuditEntry): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      // Serialises renderings of one subject and kind, so two never take the same number or store the same content twice.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${document.subjectId}:${document.kind}`]);
      const earlier = await renderedBy(tx, document);
      if (earlier) return earlier.toDto();
      const [{ next }] = (await tx.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM documents.documents WHERE subject_id = $1 AND kind = $2',
        [document.subjectId, document.kind],
      )) as { next: number }[];
      const entity = tx.create(DocumentEntity, {
        ...document,
        version: next,
        contentType: 'application/pdf',
        sha256: sha256Hex(document.content),
        size: document.content.length,
      });
      const stored = (await tx.save(entity)).toDto();
      if (audit) await documentsAudit.append(tx, audit(stored));
      return stored;
    });
  }

  /** The document, when `actor` may read it (see `mayRead`; null: a visitor without a session). */
  async get(id: string, actor: Actor | null): Promise<DocumentDto> {
    const found = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
    if (!found) throw notFound('Документ', id);
    assertMayRead(actor, found);
    return found.toDto();
  }

  /** The subject's documents `actor` may read, oldest first. */
  async list(subjectId: string, actor: Actor): Promise<DocumentDto[]> {
    const found = await this.dataSource.getRepository(DocumentEntity).find({ where: { subjectId }, order: { createdAt: 'ASC' } });
    return found.filter((d) => mayRead(actor, d)).map((d) => d.toDto());
  }

  /** Stored documents with exactly these bytes, signed ones first. */
  async findBySha256(sha256: string): Promise<DocumentDto[]> {
    const found = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { sha256 }, order: { signed: 'DESC', createdAt: 'ASC' } });
    return found.map((d) => d.toDto());
  }

  /** The whole file, for checks that must read every byte; it stays inside this service. */
  async readContent(id: string): Promise<Buffer> {
    const rows = (await this.dataSource.query('SELECT content FROM documents.documents WHERE id = $1', [id])) as { content: Buffer }[];
    if (!rows.length) throw notFound('Документ', id);
    return rows[0].content;
  }

  /** A slice of the file, read by Postgres so the whole file never crosses the bus at once; each slice checks the reader. */
  async readChunk(id: string, offset: number, length: number, actor: Actor | null): Promise<{ base64: string; size: number }> {
    const rows = (await this.dataSource.query(
      'SELECT substring(content FROM $2 FOR $3) AS chunk, size, signed, issuer_id FROM documents.documents WHERE id = $1',
      [id, offset + 1, length],
    )) as { chunk: Buffer; size: number; signed: boolean; issuer_id: string | null }[];
    if (!rows.length) throw notFound('Документ', id);
    const [row] = rows;
    assertMayRead(actor, { id, signed: row.signed, issuerId: row.issuer_id });
    return { base64: row.chunk.toString('base64'), size: row.size };
  }
}

function renderedBy(manager: EntityManager, key: RenderingKey): Promise<DocumentEntity | null> {
  return manager.getRepository(DocumentEntity).findOneBy({
    subjectId: key.subjectId,
    kind: key.kind,
    periodId: key.periodId ?? IsNull(),
    contentKey: key.contentKey,
  });
}
