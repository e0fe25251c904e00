import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { CatalogueEnv } from './config';

const config = loadConfig(CatalogueEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT, bodyLimit: config.CATALOGUE_BODY_LIMIT });
