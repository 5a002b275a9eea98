/**
 * The simulation pages of the console: start one (a candidate's files or a stored version, over recorded decisions or a
 * leads file), watch its progress (htmx polling), read its report: transition matrices as tables and a heatmap, the
 * calibration (conversion per score band, the MQL threshold sweep) as charts. Calls {@code /api/v1/simulations}'s
 * resource bean, with its roles. Imports {@code simulation}, {@code policy.api}, the console's layout, {@code security}.
 */
package io.leadqualifier.console.simulation;
