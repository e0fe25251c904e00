export * from './contract';
export * from './registry';
export * from './events/procedure-published.v1';
export * from './events/dossier-submitted.v1';
export * from './events/dossier-status-changed.v1';
export * from './events/delivery.v1';
export * from './events/notification-sent.v1';
export * from './events/payment-requested.v1';
