export * from './sms-text';
export * from './carrier';
export * from './sms-gateway-message';
