import type { ProviderPlugin } from 'amplify-cli-core';
import * as plugin from './provider-plugin';

/** Compiling this line is the proof that the plugin functions fit the core's provider contract. */
export const providerPlugin: ProviderPlugin = plugin;
