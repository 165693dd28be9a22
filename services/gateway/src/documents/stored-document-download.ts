import { DocumentRoutes, type Actor, type DocumentDto, type RenderedFileDto } from '@eduplan/contracts';
import type { BusClient } from '@eduplan/platform';
import type { Response } from 'express';

const CHUNK = 384 * 1024;

/**
 * `Content-Disposition` with the Russian file name by RFC 6266 / RFC 5987 (`filename*=UTF-8''…`) and an ASCII
 * fallback for clients that know only `filename`. RFC 5987 allows fewer bare characters than encodeURIComponent.
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Streams a stored file chunk by chunk over the bus, so no message exceeds NATS's payload limit; each chunk is asked for as `actor`. */
export async function sendStoredDocument(bus: BusClient, document: DocumentDto, actor: Actor | null, response: Response): Promise<void> {
  response.setHeader('Content-Type', document.contentType);
  response.setHeader('Content-Length', String(document.size));
  response.setHeader('Content-Disposition', contentDisposition(document.fileName, `${document.kind}-${document.version}.pdf`));
  response.setHeader('X-Content-SHA256', document.sha256);
  response.setHeader('X-Document-Id', document.id);
  for (let offset = 0; offset < document.size; offset += CHUNK) {
    const chunk = await bus.request(DocumentRoutes.readChunk, { id: document.id, offset, length: CHUNK, actor });
    if (!response.write(Buffer.from(chunk.base64, 'base64'))) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

/** A file rendered for this request only (small enough to have come in one bus reply). */
export function sendRenderedFile(file: RenderedFileDto, response: Response, fallbackName: string): void {
  const content = Buffer.from(file.base64, 'base64');
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', String(content.length));
  response.setHeader('Content-Disposition', contentDisposition(file.fileName, fallbackName));
  response.setHeader('X-Content-SHA256', file.sha256);
  response.end(content);
}
