import type { ServiceResponse } from '../contracts';
import { AmplifyServiceError } from './amplify-errors';
import type { AmplifyApps, AmplifyCall, AmplifyRoute } from './amplify-api';
import { checkString, RULES } from './amplify-input';

/** Where the original CLI asks whether an app uses Amplify Studio (its `AMPLIFY_CLI_APPSTATE_BASE_URL`). */
export const APP_STATE_PATH_PREFIX = '/_amplifyappstate/';

/**
 * Amplify Studio's services as AWS answers them for an account that never enabled Studio: the local cloud has no
 * Studio, so every app exists for them but holds no backend definition, component, theme or form.
 */
export class StudioServices {
  constructor(private readonly apps: AmplifyApps) {}

  /** The app of a UI Builder call, or its ResourceNotFoundException. */
  private requireUiApp(call: AmplifyCall): void {
    checkString('environmentName', call.params.environmentName, RULES.environmentName);
    try {
      this.apps.requireApp(call.region, call.params.appId);
    } catch (error) {
      if (error instanceof AmplifyServiceError && error.code === 'NotFoundException') throw new AmplifyServiceError('ResourceNotFoundException', error.message);
      throw error;
    }
  }

  /** `amplifyuibuilder`: metadata without features, and no components, themes or forms. */
  uiBuilderRoutes(): AmplifyRoute[] {
    const environment = '/app/{appId}/environment/{environmentName}';
    const empty = (call: AmplifyCall) => (this.requireUiApp(call), { entities: [] });
    return [
      { method: 'GET', path: `${environment}/metadata`, run: (call) => (this.requireUiApp(call), { features: {} }) },
      ...['components', 'themes', 'forms'].flatMap((kind): AmplifyRoute[] => [
        { method: 'GET', path: `${environment}/${kind}`, run: empty },
        { method: 'GET', path: `/export${environment}/${kind}`, run: empty },
        {
          method: 'GET',
          path: `${environment}/${kind}/{id}`,
          run: (call) => {
            this.requireUiApp(call);
            throw new AmplifyServiceError('ResourceNotFoundException', `No ${kind.slice(0, -1)} ${call.params.id} exists in environment ${call.params.environmentName}.`);
          },
        },
      ]),
    ];
  }

  /** `amplifybackend`: no app has a Studio backend, so its details and data models are not found. */
  backendRoutes(): AmplifyRoute[] {
    const notFound = (resourceType: string) => (call: AmplifyCall) => {
      const app = this.apps.requireApp(call.region, call.params.AppId);
      throw new AmplifyServiceError('NotFoundException', `App ${String(app.appId)} has no Amplify Studio backend.`, { resourceType });
    };
    return [
      { method: 'POST', path: '/backend/{AppId}/details', run: notFound('Backend') },
      { method: 'POST', path: '/backend/{AppId}/api/{BackendEnvironmentName}/details', run: notFound('BackendAPI') },
      { method: 'POST', path: '/backend/{AppId}/api/{BackendEnvironmentName}/getModels', run: notFound('BackendAPI') },
      { method: 'POST', path: '/backend/{AppId}/auth/{BackendEnvironmentName}/details', run: notFound('BackendAuth') },
      { method: 'POST', path: '/backend/{AppId}/storage/{BackendEnvironmentName}/details', run: notFound('BackendStorage') },
    ];
  }
}

/** `GET /_amplifyappstate/AppState/?appId=...`: no app is a Studio (admin) app here, so the state names none. */
export function serveAppState(method: string): ServiceResponse {
  if (method !== 'GET') return { status: 405, headers: { Allow: 'GET' } };
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' };
}
