export * from './procedure-code';
export * from './national-record';
export * from './national-procedure';
export * from './search-text';
