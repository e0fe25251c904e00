// Every integration and end-to-end test talks to the test database, never the one `npm start` uses.
export const TEST_DATABASE_URL = process.env.LIENTHONG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lienthong_test';
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
// tests never share topics or consumer groups with a backbone started by `npm start`
process.env.KAFKA_NAMESPACE ??= 'test';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'warn';
