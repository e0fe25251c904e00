export * from './signature-scheme';
export * from './platform-messages';
export * from './payment-lifecycle';
export * from './payment-providers';
export * from './payment-reference';
