import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { GatewayEnv } from './config';
import { GATEWAY_BODIES } from './http-bodies';

const config = loadConfig(GatewayEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT, ...GATEWAY_BODIES });
