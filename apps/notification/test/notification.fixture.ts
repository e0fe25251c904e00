import { loadConfig } from '@lienthong/platform-config';
import { startTestApp } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { NotificationEnv } from '../src/config';
import { FakeSmsGateway } from './fake-sms-gateway';
import { SmtpSink } from './smtp-sink';

/** Notification on the real PostgreSQL and Kafka, sending to a real SMTP sink and to an SMS gateway played by the test. */
export async function startNotification(env: Record<string, string> = {}) {
  const smtp = new SmtpSink();
  const sms = new FakeSmsGateway();
  await smtp.start();
  await sms.start();
  const notification = await startTestApp(AppModule.register(loadConfig(NotificationEnv, { ...process.env, SMTP_URL: smtp.url, SMS_GATEWAY_URL: sms.url, ...env })));
  const stop = async () => {
    await notification.close();
    await smtp.stop();
    await sms.stop();
  };
  return { notification, smtp, sms, stop };
}
