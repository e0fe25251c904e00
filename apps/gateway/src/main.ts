import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { GatewayEnv } from './config';
import { GATEWAY_BODIES } from './http-bodies';
import { httpsOptionsOf } from './https-options';

const config = loadConfig(GatewayEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT, https: httpsOptionsOf(config), ...GATEWAY_BODIES });
