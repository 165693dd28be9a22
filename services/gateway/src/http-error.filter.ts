import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { BUS_ERROR_CODES, type BusErrorCode } from '@eduplan/contracts';
import { BusRequestError, describeZodError, DomainException } from '@eduplan/platform';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { describeBodyParserError } from './body/json-body';
import { WorkflowUnavailableError } from './orders/workflow-unavailable.error';

const STATUS: Record<BusErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const isBusErrorCode = (type: string | null | undefined): type is BusErrorCode => (BUS_ERROR_CODES as readonly unknown[]).includes(type);

/** Codes of the refusals the gateway makes itself (its doors, Nest's pipes); any other 4xx is a VALIDATION. */
const HTTP_CODE: Partial<Record<number, string>> = {
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The one place that turns failures into HTTP answers: `{ code, message }` with a Russian message. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception);
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: { code: string; message: string; service?: string; details?: unknown } } {
    if (exception instanceof BusRequestError) {
      return { status: STATUS[exception.payload.code], body: { ...exception.payload, service: exception.service } };
    }
    if (exception instanceof DomainException) {
      return { status: STATUS[exception.code], body: { code: exception.code, message: exception.message } };
    }
    // The issues name each field by path, as a service's refusal does, so a form shows each at its field.
    if (exception instanceof ZodError) return { status: 400, body: { code: 'VALIDATION', message: describeZodError(exception), details: exception.issues } };
    if (exception instanceof WorkflowUpdateFailedError) {
      // The workflow refuses with the bus code as the failure's type (FORBIDDEN, CONFLICT, VALIDATION, UNAVAILABLE).
      const cause = exception.cause;
      const code = cause instanceof ApplicationFailure && isBusErrorCode(cause.type) ? cause.type : 'CONFLICT';
      return { status: STATUS[code], body: { code, message: cause instanceof Error ? cause.message : exception.message } };
    }
    if (exception instanceof WorkflowNotFoundError) {
      return { status: 404, body: { code: 'NOT_FOUND', message: 'Приказ не направлялся на согласование: процесс не найден' } };
    }
    if (exception instanceof WorkflowUnavailableError) {
      return { status: 503, body: { code: 'UNAVAILABLE', message: exception.message, service: 'worker' } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: HTTP_CODE[status] ?? 'VALIDATION', message: exception.message } };
    }
    const refusedBody = describeBodyParserError(exception);
    if (refusedBody) return { status: refusedBody.status, body: { code: refusedBody.code, message: refusedBody.message } };
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { status: 500, body: { code: 'INTERNAL', message: 'Внутренняя ошибка; подробности в журнале шлюза' } };
  }
}
