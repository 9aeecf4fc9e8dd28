/**
 * AppSync auth directives in the printed schema (reference §11.4): only when the API has more than one auth mode,
 * and only for models whose rules reach beyond the default mode. The type (and its connection) lists every
 * non-default provider of its rules, then the default; each operation field lists the providers whose rules allow
 * that operation, in rule order.
 */
import type { ConstDirectiveNode } from 'graphql';
import type { ApiModel, AuthProvider, AuthRule, ModelDefinition, ModelOperation } from '../model/api-model';
import { directive } from './ast';

const DIRECTIVE_OF: Record<AuthProvider, string> = {
  apiKey: 'aws_api_key',
  iam: 'aws_iam',
  userPools: 'aws_cognito_user_pools',
  oidc: 'aws_oidc',
  function: 'aws_lambda',
};

export const providerDirectives = (providers: AuthProvider[]): ConstDirectiveNode[] =>
  [...new Set(providers)].map((provider) => directive(DIRECTIVE_OF[provider]));

export class AuthDirectives {
  private readonly defaultProvider: AuthProvider;
  private readonly multiAuth: boolean;

  constructor(private readonly api: ApiModel) {
    this.defaultProvider = api.authProviders[0];
    this.multiAuth = api.authProviders.length > 1;
  }

  private allRules(model: ModelDefinition): AuthRule[] {
    return [...model.auth, ...model.fields.flatMap((field) => field.auth ?? [])];
  }

  /** A sandbox model without rules is opened to API-key callers when API key is not the default mode. */
  sandboxOpen(model: ModelDefinition): boolean {
    return this.api.sandbox && this.allRules(model).length === 0 && this.defaultProvider !== 'apiKey';
  }

  private emits(model: ModelDefinition): boolean {
    if (this.sandboxOpen(model)) return true;
    return this.multiAuth && this.allRules(model).some((rule) => rule.provider !== this.defaultProvider);
  }

  /** Providers of the model type (and its connection type). */
  typeProviders(model: ModelDefinition): AuthProvider[] {
    if (this.sandboxOpen(model)) return ['apiKey'];
    if (!this.emits(model)) return [];
    const nonDefault = this.allRules(model)
      .map((rule) => rule.provider)
      .filter((provider) => provider !== this.defaultProvider);
    return [...new Set([...nonDefault, this.defaultProvider])];
  }

  /** Providers of one of the model's Query/Mutation/Subscription fields. */
  operationProviders(model: ModelDefinition, operation: ModelOperation): AuthProvider[] {
    if (this.sandboxOpen(model)) return ['apiKey'];
    if (!this.emits(model)) return [];
    return [...new Set(model.auth.filter((rule) => rule.operations.includes(operation)).map((rule) => rule.provider))];
  }

  /** Providers of a field that has its own `@auth` rules (model fields and custom root fields). */
  fieldProviders(rules: AuthRule[] | undefined): AuthProvider[] {
    if (!this.multiAuth || !rules || rules.length === 0) return [];
    if (rules.every((rule) => rule.provider === this.defaultProvider)) return [];
    return [...new Set(rules.map((rule) => rule.provider))];
  }
}
