import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import type { BusErrorPayload } from '@eduplan/contracts';
import { QueryFailedError } from 'typeorm';
import { Observable, throwError } from 'rxjs';
import { ZodError } from 'zod';
import { DomainException } from './domain-exception';
import { describeZodError } from './describe-zod-error';

const UNIQUE_VIOLATION = '23505';
/** Admin shutdown, crash shutdown, cannot connect now, connection failures (SQLSTATE classes 57P and 08). */
const DATABASE_GONE = /^(57P0[1-3]|08\d{3})$/;
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect/;

function isDatabaseOutage(exception: unknown): boolean {
  const code = (exception as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (exception as { code?: string })?.code;
  return (typeof code === 'string' && DATABASE_GONE.test(code)) || (exception instanceof Error && CONNECTION_LOST.test(exception.message));
}

/** The one place that turns a service's failures into the bus error payload. */
@Catch()
export class BusExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Bus');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    // The payload itself is sent as the reply's error, so the caller gets { code, message } as is.
    return throwError(() => this.toPayload(exception));
  }

  private toPayload(exception: unknown): BusErrorPayload {
    if (exception instanceof DomainException) {
      return { code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof ZodError) {
      return { code: 'VALIDATION', message: describeZodError(exception), details: exception.issues };
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === UNIQUE_VIOLATION) {
      return { code: 'CONFLICT', message: 'Такая запись уже существует' };
    }
    if (isDatabaseOutage(exception)) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return { code: 'UNAVAILABLE', message: 'База данных PostgreSQL недоступна; повторите попытку позже' };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { code: 'INTERNAL', message: 'Внутренняя ошибка сервиса; подробности в журнале сервиса' };
  }
}
