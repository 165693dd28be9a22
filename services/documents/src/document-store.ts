import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentDto, DocumentKind } from '@eduplan/contracts';
import { notFound } from '@eduplan/platform';
import { sha256Hex } from '@eduplan/signing';
import { DataSource } from 'typeorm';
import { DocumentEntity } from './document.entity';

export interface NewDocument {
  id: string;
  kind: DocumentKind;
  subjectId: string;
  fileName: string;
  content: Buffer;
  signed: boolean;
  createdBy: string;
}

/** Stored files with their SHA-256; a new rendering is a new version, never an overwrite. */
@Injectable()
export class DocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  save(document: NewDocument): Promise<DocumentDto> {
    return this.dataSource.transaction(async (tx) => {
      // Serialises versions of one subject and kind, so two renderings never take the same number.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${document.subjectId}:${document.kind}`]);
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
      return (await tx.save(entity)).toDto();
    });
  }

  async get(id: string): Promise<DocumentDto> {
    const found = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
    if (!found) throw notFound('Документ', id);
    return found.toDto();
  }

  async list(subjectId: string): Promise<DocumentDto[]> {
    const found = await this.dataSource.getRepository(DocumentEntity).find({ where: { subjectId }, order: { createdAt: 'ASC' } });
    return found.map((d) => d.toDto());
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

  /** A slice of the file, read by Postgres so the whole file never crosses the bus at once. */
  async readChunk(id: string, offset: number, length: number): Promise<{ base64: string; size: number }> {
    const rows = (await this.dataSource.query(
      'SELECT substring(content FROM $2 FOR $3) AS chunk, size FROM documents.documents WHERE id = $1',
      [id, offset + 1, length],
    )) as { chunk: Buffer; size: number }[];
    if (!rows.length) throw notFound('Документ', id);
    return { base64: rows[0].chunk.toString('base64'), size: rows[0].size };
  }
}
