/**
 * The auditors' pages of the console: the decision search, one decision explained (score ledger, checklist, why not
 * the next stage, fired rules) with its replay, a lead's history, and the verification of both hash chains. They call
 * the services (or the resource beans) the API calls, with the API's roles. Imports {@code audit}, {@code replay},
 * {@code lifecycle.api}, {@code decision}, {@code facts}, the console's layout, {@code security} and {@code system}.
 */
package io.leadqualifier.console.audit;
