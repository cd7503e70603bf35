export * from './slug';
export * from './fields';
export * from './define';
export * from './model';
export * from './strapi-schema';
export * from './preview';
export * from './runtime';
export * from './address';
