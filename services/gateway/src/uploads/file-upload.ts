import { BadRequestException, type HttpException } from '@nestjs/common';
import { unknownFieldsMessage } from '@eduplan/contracts';
import type { Request, Response } from 'express';
import multer from 'multer';

/** The one way the gateway takes files: the form field is always «file», the size limit is per endpoint. */
export const UPLOAD_FIELD = 'file';

export interface UploadLimit {
  maxBytes: number;
  /** The 413 to answer, naming the size when it is known. */
  tooLarge(size: number | null): HttpException;
}

export interface UploadedFileBytes {
  buffer: Buffer;
  originalName: string;
}

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} МБ`;

/** The file of a multipart form (field «file»), held in memory; null when the form has none. */
export async function readMultipartFile(request: Request, response: Response, limit: UploadLimit): Promise<UploadedFileBytes | null> {
  // Browsers send a file's name in UTF-8 without saying so; busboy's default (latin1) would garble «реестр.xlsx».
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit.maxBytes, files: 1 }, defParamCharset: 'utf8' }).single(UPLOAD_FIELD);
  await new Promise<void>((resolve, reject) =>
    parse(request, response, (error: unknown) => (error ? reject(uploadError(error, limit)) : resolve())),
  );
  // The form has the file and nothing else: a text field would otherwise be dropped without a word.
  const fields = Object.keys((request.body ?? {}) as object);
  if (fields.length > 0) throw new BadRequestException(`Неверные данные — ${unknownFieldsMessage(fields)}`);
  const file = request.file;
  return file ? { buffer: file.buffer, originalName: file.originalname } : null;
}

/**
 * The raw request body as the file. It is read to the end even past the limit (the client then gets the
 * 413 instead of a broken connection) but nothing past the limit is kept.
 */
export async function readRawBody(request: Request, limit: UploadLimit): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit.maxBytes) chunks.push(chunk);
  }
  if (size > limit.maxBytes) throw limit.tooLarge(size);
  return Buffer.concat(chunks);
}

function uploadError(error: unknown, limit: UploadLimit): Error {
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') return limit.tooLarge(null);
  if (error instanceof multer.MulterError) {
    return new BadRequestException(`Загрузите один файл в поле «${UPLOAD_FIELD}» (${error.message})`);
  }
  return new BadRequestException(`Не удалось прочитать загруженный файл: ${error instanceof Error ? error.message : String(error)}`);
}
