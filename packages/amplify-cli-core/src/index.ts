export * from './errors/amplify-error';
export * from './plugins';
