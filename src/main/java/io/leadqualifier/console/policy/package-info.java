/**
 * The policy pages of the console: the active policy (tables as tables, rules with their source), versions and their
 * reports, changing the policy (upload, validation report, activation, rollback), the diff, rejected attempts.
 * Imports {@code policy} (activation, archive, api, source), the console's layout and security's roles.
 */
package io.leadqualifier.console.policy;
