export { RestApiService, REST_API_PATH_PREFIX, restApiRootUrl, type RestApiServiceOptions } from './rest-api-service';
