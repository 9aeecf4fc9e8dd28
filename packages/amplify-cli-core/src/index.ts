export * from './errors/amplify-error';
