import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { DEFAULT_REPORT_FILE_MAX_BYTES } from '@eduplan/contracts';
import { loadConfig } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { megabytes, readMultipartFile, UPLOAD_FIELD, type UploadedFileBytes, type UploadLimit } from '../uploads/file-upload';

/** The same variable the reporting service reads: a larger file is refused here, before any of it is sent on. */
const reportFileConfigSchema = z.object({
  REPORT_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(DEFAULT_REPORT_FILE_MAX_BYTES),
});

export function reportFileLimit(env: NodeJS.ProcessEnv = process.env): UploadLimit {
  const maxBytes = loadConfig(reportFileConfigSchema, env).REPORT_FILE_MAX_BYTES;
  return {
    maxBytes,
    tooLarge: (size) =>
      new PayloadTooLargeException(
        `Файл${size === null ? '' : ` ${megabytes(size)}`} больше предела ${megabytes(maxBytes)}: приложите файл меньшего размера или дайте ссылку на него`,
      ),
  };
}

/** An evidence file as the multipart field «file»; refuses an empty form. Its type is checked by the reporting service. */
export async function readEvidenceUpload(request: Request, response: Response, limit: UploadLimit): Promise<UploadedFileBytes> {
  const file = await readMultipartFile(request, response, limit);
  if (!file || file.buffer.length === 0) {
    throw new BadRequestException(`Выберите файл (PDF, JPEG, PNG или DOCX): отправьте его в поле «${UPLOAD_FIELD}» формы multipart/form-data`);
  }
  return file;
}
