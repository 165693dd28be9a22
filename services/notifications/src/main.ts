import 'reflect-metadata';
import { startBusService } from '@eduplan/platform';
import { AppModule } from './app.module';

void startBusService('notifications', AppModule);
