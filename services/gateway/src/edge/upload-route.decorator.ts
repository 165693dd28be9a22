import { SetMetadata } from '@nestjs/common';

export const UPLOAD_ROUTE = 'eduplan:upload-route';

/** Marks a write that takes a file (multipart or raw bytes) instead of JSON; every other write takes JSON only. */
export const UploadRoute = () => SetMetadata(UPLOAD_ROUTE, true);
