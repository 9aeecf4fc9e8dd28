const serverlessExpress = require('@codegenie/serverless-express');
const app = require('./app');

// Created once per container, so warm invocations reuse the Express app.
const server = serverlessExpress({ app });

exports.handler = (event, context) => {
  console.log(`EVENT: ${JSON.stringify(event)}`);
  return server(event, context);
};
