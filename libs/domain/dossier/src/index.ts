export * from './dossier-status';
export * from './dossier-code';
export * from './provinces';
export * from './legacy-date';
export * from './reported-status';
export * from './dossier-lifecycle';
