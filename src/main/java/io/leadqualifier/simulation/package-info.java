/**
 * Know before you change: a candidate policy simulated over a population of leads (recorded decisions, each
 * re-evaluated at its own asOf with its recorded input), compared with the serving policy, and calibrated against
 * known outcomes. By job, each importing only those before it: {@code calibration} (conversion by stage,
 * temperature and score band, AUC, the MQL threshold sweep: pure arithmetic) ← {@code report} (the comparison of two
 * verdicts and the counters a report is made of) ← {@code run} (populations, the job, its table, the changed leads)
 * ← {@code api} ({@code /api/v1/simulations}). This root package holds no class.
 */
package io.leadqualifier.simulation;
