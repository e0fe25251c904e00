export * from './signature-scheme';
export * from './platform-messages';
