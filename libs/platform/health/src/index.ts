export * from './readiness';
export * from './postgres.readiness';
export * from './health-providers';
