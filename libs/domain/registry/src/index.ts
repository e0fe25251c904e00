export * from './system-id';
export * from './demo-credentials';
