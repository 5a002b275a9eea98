/**
 * How well a policy's verdicts separate leads that converted (WON, or a label of 1) from those that did not:
 * conversion rate and lift per stage, temperature and score band, the AUC of the total score, and the MQL
 * threshold sweep with a suggestion. Counters only, so memory does not grow with the population. Imports
 * {@code facts} (the stage and temperature enums).
 */
package io.leadqualifier.simulation.calibration;
