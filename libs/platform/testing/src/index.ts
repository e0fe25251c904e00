export * from './test-env';
export * from './infrastructure';
export * from './wait-for';
export * from './test-app';
export * from './app-processes';
export * from './test-events';
export * from './in-pool';
export * from './dossier-submission';
