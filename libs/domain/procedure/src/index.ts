export * from './procedure-code';
export * from './national-procedure';
