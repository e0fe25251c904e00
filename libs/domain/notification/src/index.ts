export * from './sms-text';
export * from './carrier';
