import { PayloadTooLargeException } from '@nestjs/common';
import { DEFAULT_MAX_PLAN_BYTES } from '@eduplan/domain';
import type { Request, Response } from 'express';
import { megabytes, readMultipartFile, readRawBody, type UploadLimit } from '../uploads/file-upload';

/** The largest plan file accepted for import. */
export const PLAN_UPLOAD_LIMIT: UploadLimit = {
  maxBytes: DEFAULT_MAX_PLAN_BYTES,
  tooLarge: (size) =>
    new PayloadTooLargeException(
      `Файл${size === null ? '' : ` ${megabytes(size)}`} больше предела ${megabytes(DEFAULT_MAX_PLAN_BYTES)}: ` +
        'загрузите только текст плана (.docx без картинок, .xlsx, PDF с текстовым слоем или .txt)',
    ),
};

/** A plan file sent as the multipart field «file» or as the raw request body. */
export async function readPlanUpload(request: Request, response: Response): Promise<Uint8Array> {
  if (!request.is('multipart/form-data')) return readRawBody(request, PLAN_UPLOAD_LIMIT);
  return (await readMultipartFile(request, response, PLAN_UPLOAD_LIMIT))?.buffer ?? new Uint8Array(0);
}
