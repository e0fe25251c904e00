export * from './problem';
export * from './problem.filter';
export * from './require-json';
export * from './bootstrap';
export * from './service-core.module';
export * from './internal-headers';
export * from './page-query.dto';
export * from './reject-unstorable';
