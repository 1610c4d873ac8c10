export * from './audit';
export * from './auth';
export * from './organisations';
export * from './system';
