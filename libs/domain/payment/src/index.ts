export * from './signature-scheme';
export * from './platform-messages';
export * from './payment-lifecycle';
