import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, databaseOptions, healthController } from '@eduplan/platform';
import { database, entities } from './database';
import { DocumentStore } from './document-store';
import { DocumentVerification } from './document-verification';
import { DocumentsController } from './documents.controller';
import { OrderSigning } from './order-signing';
import { SignerRegistry } from './signer-registry';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature(entities)],
  controllers: [DocumentsController, healthController('documents'), auditController('documents')],
  providers: [DocumentStore, DocumentVerification, OrderSigning, SignerRegistry],
})
export class AppModule {}
