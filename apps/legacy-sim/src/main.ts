import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { LegacySimEnv } from './config';
import { LEGACY_SIM_BODIES } from './http-bodies';

const config = loadConfig(LegacySimEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT, ...LEGACY_SIM_BODIES });
