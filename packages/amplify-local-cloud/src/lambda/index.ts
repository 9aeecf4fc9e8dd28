export { LambdaService, LambdaError, type InvokeResult, type InvocationType, type DeployedFunction } from './lambda-service';
export { NodeRuntime } from './node-runtime';
export { FunctionLogs } from './function-logs';
export { EventSources } from './event-sources';
export { LayerStore, LayerError, parseLayerVersionArn, type LayerVersionRecord } from './layer-store';
