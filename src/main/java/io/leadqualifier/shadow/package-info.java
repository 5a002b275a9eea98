/**
 * The shadow policy: a candidate attached beside the live one, evaluating every live decision's facts again off the
 * request path (a bounded queue and one worker: full means dropped and counted, never a slower answer), and the
 * running agreement between the two (stage matrix, temperature, route and total, disagreements with examples).
 * Candidates come from {@code policy.candidate}; an attached one is recorded in the archive and activated through
 * {@code policy.activation}. Attach, detach, read, activate: {@code /api/v1/policy/shadow}. Hears of live decisions through the
 * {@code qualification.DecisionRecorded} event. Imports {@code qualification}, {@code decision}, {@code evaluation},
 * {@code policy}, {@code facts}, {@code security}, {@code system}.
 */
package io.leadqualifier.shadow;
