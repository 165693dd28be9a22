import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readMultipartFile, UPLOAD_FIELD, type UploadLimit } from '../uploads/file-upload';

export const MAX_UPLOAD_MB = 50;

const PDF_UPLOAD_LIMIT: UploadLimit = {
  maxBytes: MAX_UPLOAD_MB * 1024 * 1024,
  tooLarge: () => new PayloadTooLargeException(`Файл больше ${MAX_UPLOAD_MB} МБ: загрузите PDF-документ размером не более ${MAX_UPLOAD_MB} МБ`),
};

/** The PDF sent as the `file` field of a multipart form; refuses what is too large or not a PDF, saying what to do. */
export async function readPdfUpload(request: Request, response: Response): Promise<Buffer> {
  const file = await readMultipartFile(request, response, PDF_UPLOAD_LIMIT);
  if (!file || file.buffer.length === 0) {
    throw new BadRequestException(`Выберите PDF-файл: отправьте его в поле «${UPLOAD_FIELD}» формы multipart/form-data`);
  }
  if (file.buffer.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new BadRequestException(`Файл «${file.originalName}» — не PDF: проверить можно только PDF-документ, выданный системой`);
  }
  return file.buffer;
}
