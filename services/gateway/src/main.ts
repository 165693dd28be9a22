import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { loadConfig, loggerLevels } from '@eduplan/platform';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http-error.filter';
import { useJsonBodies } from './body/json-body';
import { useSecurityHeaders } from './edge/security-headers';
import { openApiDocument } from './openapi/openapi-document';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule, { logger: loggerLevels(config.LOG_LEVEL) });
  useSecurityHeaders(app);
  app.useGlobalFilters(new HttpErrorFilter());
  useJsonBodies(app);
  app.use(cookieParser());
  app.enableShutdownHooks();
  // Generated from the contracts' zod schemas (openapi/api-operations.ts); Swagger UI only shows it.
  SwaggerModule.setup('api/docs', app, openApiDocument() as OpenAPIObject);
  await app.listen(config.GATEWAY_PORT, '127.0.0.1');
  new Logger('gateway').log(`listening on http://127.0.0.1:${config.GATEWAY_PORT} (API docs: /api/docs)`);
}

void bootstrap();
