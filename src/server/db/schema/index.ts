export * from './audit';
export * from './auth';
export * from './clients';
export * from './network';
export * from './organisations';
export * from './system';
