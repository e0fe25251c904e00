export * from './outbox-message.entity';
export * from './inbox-entry.entity';
export * from './messaging-tables';
export * from './data-source-options';
export * from './unique-violation';
export * from './polling-loop';
export * from './retried-work.entity';
export * from './background-worker';
