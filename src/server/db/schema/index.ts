export * from './audit';
export * from './auth';
export * from './clients';
export * from './organisations';
export * from './system';
