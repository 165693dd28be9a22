import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig, loggerLevels } from '@eduplan/platform';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http-error.filter';
import { useJsonBodies } from './body/json-body';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule, { logger: loggerLevels(config.LOG_LEVEL) });
  app.useGlobalFilters(new HttpErrorFilter());
  useJsonBodies(app);
  app.use(cookieParser());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder().setTitle('eduplan API').setVersion('0.1').build();
  SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, openApi));
  await app.listen(config.GATEWAY_PORT, '127.0.0.1');
  new Logger('gateway').log(`listening on http://127.0.0.1:${config.GATEWAY_PORT} (API docs: /api/docs)`);
}

void bootstrap();
