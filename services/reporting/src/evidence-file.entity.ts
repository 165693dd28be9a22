import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceFileDto, EvidenceUploadDto } from '@eduplan/contracts';

/** A file an organization uploaded as evidence for a period; its bytes are rows of `evidence_chunks`. */
@Entity({ name: 'evidence_files' })
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'period_id' }) periodId!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('text') name!: string;
  /** Found from the content, never from the name. */
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('int') size!: number;
  /** Bytes stored so far: the file may be attached once all `size` have come. */
  @Column('int') received!: number;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  get complete(): boolean {
    return this.received === this.size;
  }

  toDto(): EvidenceFileDto {
    return { id: this.id, name: this.name, contentType: this.contentType, size: this.size };
  }

  toUploadDto(): EvidenceUploadDto {
    return { ...this.toDto(), received: this.received, complete: this.complete };
  }
}
