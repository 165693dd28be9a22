import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentDto, DocumentKind } from '@eduplan/contracts';

@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: DocumentKind;
  @Column('uuid', { name: 'subject_id' }) subjectId!: string;
  /** The organization that issued the order; null on rows stored before documents knew it (administrators only, until signed). */
  @Column('uuid', { name: 'issuer_id', nullable: true }) issuerId!: string | null;
  /** The reporting period of a quarterly memo; null for other kinds. */
  @Column('uuid', { name: 'period_id', nullable: true }) periodId!: string | null;
  /** SHA-256 of what it was rendered from; null on rows stored before renderings were keyed. */
  @Column('char', { name: 'content_key', length: 64, nullable: true }) contentKey!: string | null;
  @Column('int') version!: number;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('char', { length: 64 }) sha256!: string;
  @Column('int') size!: number;
  @Column('bytea', { select: false }) content!: Buffer;
  @Column('boolean') signed!: boolean;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): DocumentDto {
    return {
      id: this.id,
      kind: this.kind,
      subjectId: this.subjectId,
      version: this.version,
      fileName: this.fileName,
      contentType: this.contentType,
      sha256: this.sha256,
      size: this.size,
      signed: this.signed,
      createdBy: this.createdBy,
      createdAt: this.createdAt.toISOString(),
    };
  }
}
