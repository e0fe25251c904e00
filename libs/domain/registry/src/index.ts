export * from './system-id';
export * from './demo-credentials';
export * from './agencies';
export * from './participants';
export * from './services';
