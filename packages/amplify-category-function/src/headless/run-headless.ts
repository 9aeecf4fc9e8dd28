import { type AmplifyContext, AmplifyError, createPrompter, pathManager, stateManager } from 'amplify-cli-core';
import { addFunction } from '../service/add-function';
import { addLayerFromRequest, chooseLayer, setLayerPermissions } from '../service/add-layer';
import { readLayer } from '../service/layer-files';
import { accessCandidates } from '../service/project-resources';
import { pluginPolicies } from '../service/resolve-access';
import { applyFunctionChanges, chooseFunction } from '../service/update-function';
import { answersFromAccess } from '../walkthrough/resource-access-questions';
import { answersFromSchedule } from '../walkthrough/schedule-questions';
import {
  type HeadlessResourceAccess,
  functionLayersOf,
  isLayerRequest,
  parseAddFunctionRequest,
  parseAddLayerRequest,
  parseUpdateFunctionRequest,
  parseUpdateLayerRequest,
} from './function-requests';

/** Every resource named in a request must exist, so that a typo fails instead of being skipped. */
function checkAccessTargets(access: readonly HeadlessResourceAccess[], candidates: Record<string, string[]>): void {
  access.forEach((entry, index) => {
    if (!(candidates[entry.category] ?? []).includes(entry.resourceName)) {
      throw new AmplifyError('InvalidHeadlessInput', `AddFunctionRequest: resourceAccess[${index}] names ${entry.category} ${entry.resourceName}, which is not in this project`, {
        resolution: `Fix resourceAccess[${index}] in the --headless payload ("amplify status" lists the resources)`,
      });
    }
  });
}

/** `amplify add|update function --headless`: the walkthrough's answers from one JSON document, defaults for the rest. */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  const command = context.input.command;
  const projectRoot = pathManager.findProjectRoot();
  const print = (line: string): void => context.print.warning(line);
  if (command === 'add' && isLayerRequest(payload)) {
    const request = parseAddLayerRequest(payload);
    const { spec } = await addLayerFromRequest(projectRoot, request.layerName, request.permissions ?? []);
    context.print.success(`Successfully added resource ${spec.layerName} locally.`);
    return;
  }
  if (command === 'update' && isLayerRequest(payload)) {
    const request = parseUpdateLayerRequest(payload);
    const layerName = await chooseLayer(projectRoot, createPrompter({ yes: true }), request.layerName);
    const updated = await setLayerPermissions(projectRoot, readLayer(projectRoot, layerName), request.permissions);
    context.print.success(updated ? `Successfully updated resource ${layerName} locally.` : `Layer ${layerName} is unchanged.`);
    return;
  }
  if (command === 'add') {
    const request = parseAddFunctionRequest(payload);
    checkAccessTargets(request.resourceAccess ?? [], accessCandidates(stateManager.getMeta(projectRoot)));
    const supplied = {
      functionName: request.functionName,
      template: request.template,
      crudTable: request.crudTable,
      triggerTable: request.triggerTable,
      ...(request.resourceAccess ? answersFromAccess(request.resourceAccess) : {}),
      ...(request.schedule !== undefined ? answersFromSchedule(request.schedule) : {}),
    };
    const { spec } = await addFunction({
      projectRoot,
      // Whatever the request leaves out takes the walkthrough's default.
      prompter: createPrompter({ yes: true }),
      policies: pluginPolicies(context),
      print,
      supplied,
      environmentVariables: request.environmentVariables ?? {},
      lambdaLayers: functionLayersOf(request.lambdaLayers ?? [], stateManager.getCurrentEnvName(projectRoot)),
    });
    context.print.success(`Successfully added resource ${spec.functionName} locally.`);
    return;
  }
  if (command === 'update') {
    const request = parseUpdateFunctionRequest(payload);
    const functionName = await chooseFunction(projectRoot, createPrompter({ yes: true }), request.functionName, 'update');
    await applyFunctionChanges(
      { projectRoot, policies: pluginPolicies(context), functionName },
      {
        resourceAccess: request.resourceAccess,
        environmentVariables: request.environmentVariables,
        schedule: request.schedule,
        lambdaLayers: request.lambdaLayers && functionLayersOf(request.lambdaLayers, stateManager.getCurrentEnvName(projectRoot)),
      },
    );
    context.print.success(`Successfully updated resource ${functionName} locally.`);
    return;
  }
  throw new AmplifyError('HeadlessNotSupported', `"amplify function ${command ?? ''}" has no --headless form`, {
    resolution: 'Use --headless with add or update, or run the command without it',
  });
}
