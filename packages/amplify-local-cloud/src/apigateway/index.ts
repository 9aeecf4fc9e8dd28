export { RestApiService, type RestApiServiceOptions } from './rest-api-service';
