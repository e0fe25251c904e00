import './instrument';
import { loadConfig } from '@lienthong/platform-config';
import { startService } from '@lienthong/platform-http';
import { AppModule } from './app.module';
import { PaymentEnv } from './config';

const config = loadConfig(PaymentEnv);
void startService(AppModule.register(config), { host: config.HOST, port: config.PORT });
