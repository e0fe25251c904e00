export * from './test-env';
export * from './infrastructure';
export * from './wait-for';
