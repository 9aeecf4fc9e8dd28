import type { ApiModel } from '../model/api-model';
import { type CfnTemplate, DEFAULT_FEATURE_FLAGS, type TransformInput } from '../transform-types';
import { customFieldResolverPlans, FUNCTION_STACK, HTTP_STACK } from './custom-field-resources';
import { API_ID, CONNECTION_STACK, modelResolverPlans, relationResolverPlans, synthesizeModelTable, type ModelStackOptions } from './model-resources';
import { addUserSlots, generatedFiles, synthesizePipelines } from './pipeline';
import {
  attachNestedStacks,
  declareRootParameters,
  NONE_DATA_SOURCE,
  rootOutputs,
  synthesizeApi,
  synthesizeDataStore,
  synthesizeIamPolicies,
  usesIam,
} from './root-stack';
import { StackSet } from './stack-set';
import { attachUserStacks } from './user-stacks';

export { findDestructiveChanges, type DestructiveChange, type DestructiveChangeOptions } from './destructive-changes';

export interface SynthesizedResources {
  rootStack: CfnTemplate;
  stacks: Record<string, CfnTemplate>;
  resolvers: Record<string, string>;
  warnings: string[];
}

/** The root stack, nested stacks and resolver templates of an analysed API (reference §5–§7, §10, §11, §13). */
export function synthesizeResources(model: ApiModel, input: TransformInput): SynthesizedResources {
  const flags = { ...DEFAULT_FEATURE_FLAGS, ...input.featureFlags };
  const config = input.transformConfig ?? {};
  const stacks = new StackSet();
  declareRootParameters(stacks, input, model);
  const { apiKey } = synthesizeApi(stacks, input);

  const options: ModelStackOptions = {
    stacks,
    api: model,
    none: NONE_DATA_SOURCE,
    sandbox: model.sandbox,
    populateOwnerForStaticGroups: flags.populateownerfieldforstaticgroupauth,
    subUsernameClaim: flags.usesubusernamefordefaultidentityclaim,
  };
  model.models.forEach((definition) => synthesizeModelTable(definition, options));
  const plans = [
    ...model.models.flatMap((definition) => modelResolverPlans(definition, options)),
    ...model.models.flatMap((definition) => relationResolverPlans(definition, options)),
    ...customFieldResolverPlans(model.customFields, stacks, NONE_DATA_SOURCE, model.authProviders),
  ];
  const userResolvers = input.userResolvers ?? {};
  addUserSlots(plans, userResolvers, NONE_DATA_SOURCE);
  const resolvers = { ...generatedFiles(plans), ...userResolvers };
  synthesizePipelines(plans, resolvers, {
    stacks,
    apiId: API_ID,
    none: NONE_DATA_SOURCE,
    iam: usesIam(input),
    identityPoolId: input.identityPoolId,
    adminRoles: input.adminRoles ?? [],
    dedupe: config.DisableResolverDeduping !== true,
    stackMapping: config.StackMapping ?? {},
  });

  synthesizeIamPolicies(stacks, model);
  if (model.conflictResolution) synthesizeDataStore(stacks);
  const fixedOrder = [...model.models.map((definition) => definition.name), CONNECTION_STACK, FUNCTION_STACK, HTTP_STACK];
  const nested = stacks.nestedStacks().map((stack) => stack.name);
  const order = [...fixedOrder.filter((name) => nested.includes(name)), ...nested.filter((name) => !fixedOrder.includes(name))];
  attachNestedStacks(stacks, order);

  const generatedStacks: Record<string, CfnTemplate> = {};
  for (const name of order) {
    const stack = stacks.stack(name);
    generatedStacks[name] = stack.toTemplate(Object.keys(stack.conditions).length > 0);
  }
  const userStacks = attachUserStacks(stacks, input.userStacks ?? {}, new Set(order));
  const rootStack: CfnTemplate = { Parameters: stacks.root.parameters, Resources: stacks.root.resources, Outputs: rootOutputs(apiKey) };
  return { rootStack, stacks: { ...generatedStacks, ...userStacks }, resolvers, warnings: [] };
}
