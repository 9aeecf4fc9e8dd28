/**
 * AppSync auth directives in the printed schema (reference §11.4), computed as the original's auth step does:
 * rules become roles; a directive list is built in a fixed provider order (apiKey, iam, oidc, userPools, function)
 * from the providers of the roles involved, the default mode only listed next to other modes (at the end for types,
 * in its place for operations whose rules use it). With one auth mode nothing is ever emitted.
 */
import type { ConstDirectiveNode } from 'graphql';
import type { ApiModel, AuthProvider, AuthRule, ModelDefinition, ModelOperation } from '../model/api-model';
import { roleKeys } from '../analysis/auth-rules';
import { directive } from './ast';

const DIRECTIVE_ORDER: Array<[AuthProvider, string]> = [
  ['apiKey', 'aws_api_key'],
  ['iam', 'aws_iam'],
  ['oidc', 'aws_oidc'],
  ['userPools', 'aws_cognito_user_pools'],
  ['function', 'aws_lambda'],
];
const DIRECTIVE_OF = new Map(DIRECTIVE_ORDER);

interface Role {
  key: string;
  provider: AuthProvider;
  /** Operations the role has on the model as a whole, and per field that has its own rules. */
  modelOperations: ModelOperation[];
  fieldOperations: Map<string, ModelOperation[]>;
}

export class AuthDirectives {
  private readonly defaultProvider: AuthProvider;
  private readonly adminRolesEnabled: boolean;

  constructor(
    private readonly api: ApiModel,
    adminRoles: string[],
  ) {
    this.defaultProvider = api.authProviders[0];
    this.adminRolesEnabled = api.authProviders.includes('iam') && adminRoles.length > 0;
  }

  /** Directives for the given providers; the default joins only next to others (in place when `includeDefault`, else last). */
  directives(providers: AuthProvider[], includeDefault: boolean): ConstDirectiveNode[] {
    if (providers.length === 0) return [];
    const hasOthers = providers.some((provider) => provider !== this.defaultProvider);
    const names: string[] = [];
    for (const [provider, name] of DIRECTIVE_ORDER) {
      const isDefault = provider === this.defaultProvider;
      if ((!isDefault && providers.includes(provider)) || (isDefault && hasOthers && includeDefault)) names.push(name);
    }
    const defaultName = DIRECTIVE_OF.get(this.defaultProvider)!;
    if (providers.includes(this.defaultProvider) && hasOthers && !names.includes(defaultName)) names.push(defaultName);
    return names.map((name) => directive(name));
  }

  /** A model has roles when it has model- or field-level rules; sandbox-only models are handled by `sandboxDirectives`. */
  hasRoles(model: ModelDefinition): boolean {
    return this.roles(model).length > 0;
  }

  /** Every provider the model's roles use, in role order (admin roles add IAM). */
  modelProviders(model: ModelDefinition): AuthProvider[] {
    return this.withAdminIam(this.roles(model).map((role) => role.provider));
  }

  typeDirectives(model: ModelDefinition): ConstDirectiveNode[] {
    return this.directives(this.modelProviders(model), false);
  }

  /** Directives of one Query/Mutation/Subscription field of the model. */
  operationDirectives(model: ModelDefinition, operation: ModelOperation): ConstDirectiveNode[] {
    const roles = this.rolesFor(model, operation);
    const includeDefault = roles.some((role) => role.provider === this.defaultProvider) || (roles.length === 0 && this.addsDefaultForAdmins());
    return this.directives(this.withAdminIam(roles.map((role) => role.provider)), includeDefault);
  }

  /** Non-model and non-root fields with their own rules: static rules only, the default never added in place. */
  customFieldDirectives(rules: AuthRule[] | undefined): ConstDirectiveNode[] {
    const staticRules = (rules ?? []).filter((rule) => rule.allow !== 'owner' && !rule.groupsField);
    return this.directives(this.withAdminIam(staticRules.map((rule) => rule.provider)), false);
  }

  /** A sandbox model without rules is opened to API-key callers when API key is not the default mode. */
  sandboxDirectives(model: ModelDefinition): ConstDirectiveNode[] {
    const open = this.api.sandbox && model.auth.length === 0 && this.defaultProvider !== 'apiKey';
    return open ? [directive('aws_api_key')] : [];
  }

  private addsDefaultForAdmins(): boolean {
    return this.adminRolesEnabled && this.defaultProvider !== 'iam';
  }

  private withAdminIam(providers: AuthProvider[]): AuthProvider[] {
    const unique = [...new Set(providers)];
    if (this.adminRolesEnabled && unique.length > 0 && !unique.includes('iam')) unique.push('iam');
    return unique;
  }

  private roles(model: ModelDefinition): Role[] {
    const roles = new Map<string, Role>();
    const roleFor = (key: string, provider: AuthProvider): Role => {
      const existing = roles.get(key);
      if (existing) return existing;
      const role: Role = { key, provider, modelOperations: [], fieldOperations: new Map() };
      roles.set(key, role);
      return role;
    };
    for (const rule of model.auth) {
      for (const key of roleKeys(rule)) roleFor(key, rule.provider).modelOperations.push(...rule.operations);
    }
    for (const field of model.fields.filter((candidate) => candidate.auth)) {
      for (const rule of field.auth!) {
        for (const key of roleKeys(rule)) {
          const role = roleFor(key, rule.provider);
          role.fieldOperations.set(field.name, [...(role.fieldOperations.get(field.name) ?? []), ...rule.operations]);
        }
      }
    }
    return [...roles.values()];
  }

  /**
   * Roles allowed `operation`: through the model rules or a field's own rules. Delete needs the role on every field
   * (field rules take the model rules' place on their field), which is how field rules can withdraw it.
   */
  private rolesFor(model: ModelDefinition, operation: ModelOperation): Role[] {
    const ruledFields = model.fields.filter((field) => field.auth).map((field) => field.name);
    return this.roles(model).filter((role) => {
      if (operation !== 'delete') {
        return role.modelOperations.includes(operation) || [...role.fieldOperations.values()].some((operations) => operations.includes(operation));
      }
      return role.modelOperations.includes('delete') && ruledFields.every((field) => role.fieldOperations.get(field)?.includes('delete'));
    });
  }
}
