export * from './problem';
export * from './problem.filter';
export * from './require-json';
export * from './bootstrap';
