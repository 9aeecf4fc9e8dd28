import { createPrinter } from '../printer';
import { printApiEndpoints } from '../status-view';

function captured(): { printer: ReturnType<typeof createPrinter>; text: () => string } {
  let out = '';
  const printer = createPrinter({ write: (t: string) => (out += t) }, { write: () => undefined }, {});
  return { printer, text: () => out };
}

describe('API endpoints after the status table', () => {
  test('the GraphQL endpoint and key, then each REST root URL; APIs not pushed print nothing', () => {
    const { printer, text } = captured();
    printApiEndpoints(printer, {
      providers: { awscloudformation: { Region: 'us-east-1' } },
      api: {
        shopapi: { service: 'AppSync', providerPlugin: 'awscloudformation', output: { GraphQLAPIEndpointOutput: 'https://abc.appsync-api.us-east-1.amazonaws.com/graphql', GraphQLAPIKeyOutput: 'da2-key', authConfig: {} } },
        shoprest: { service: 'API Gateway', providerPlugin: 'awscloudformation', output: { RootUrl: 'https://r1.execute-api.us-east-1.amazonaws.com/dev', ApiName: 'shoprest', ApiId: 'r1' } },
        newrest: { service: 'API Gateway', providerPlugin: 'awscloudformation' },
      },
      auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation', output: { UserPoolId: 'p' } } },
    } as never);
    expect(text()).toBe(
      '\nGraphQL endpoint: https://abc.appsync-api.us-east-1.amazonaws.com/graphql\nGraphQL API KEY: da2-key\nREST API endpoint: https://r1.execute-api.us-east-1.amazonaws.com/dev\n\n',
    );
  });

  test('an API without a key (user pools only) shows its endpoint alone; a project without APIs nothing', () => {
    const { printer, text } = captured();
    printApiEndpoints(printer, { api: { shopapi: { service: 'AppSync', providerPlugin: 'awscloudformation', output: { GraphQLAPIEndpointOutput: 'https://e/graphql' } } } } as never);
    expect(text()).toBe('\nGraphQL endpoint: https://e/graphql\n\n');
    const empty = captured();
    printApiEndpoints(empty.printer, {} as never);
    expect(empty.text()).toBe('');
  });
});
