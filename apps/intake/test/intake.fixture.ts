import { DataSource } from 'typeorm';
import { procedurePublishedV1 } from '@lienthong/contracts';
import { loadConfig } from '@lienthong/platform-config';
import { startTestApp, TestApp, testEvents, waitFor } from '@lienthong/platform-testing';
import { AppModule } from '../src/app.module';
import { IntakeEnv } from '../src/config';

/**
 * Intake on the real PostgreSQL and Kafka, holding procedure 1.000358: its copy comes from catalogue events, so one
 * is written as catalogue would, at a version of the suite's own (a newer copy from another suite is kept).
 */
export async function startIntake(version: number, env: Record<string, string> = {}): Promise<{ intake: TestApp; db: DataSource }> {
  const intake = await startTestApp(AppModule.register(loadConfig(IntakeEnv, { ...process.env, ...env })));
  const db = intake.app.get(DataSource);
  await testEvents(intake.app).publish(procedurePublishedV1, '1.000358', { ...procedurePublishedV1.example, version });
  await waitFor(async () => (await db.query(`SELECT 1 FROM intake.procedures WHERE code = '1.000358' AND processing_time IS NOT NULL`)).length > 0, 'procedure copy', 30000);
  return { intake, db };
}
