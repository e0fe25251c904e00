import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { ConnectorEnv } from './config';

const config = loadConfig(ConnectorEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT });
