/**
 * {@code /api/v1/simulations}: submit a simulation (candidate as uploaded files or a stored version; population as a
 * range of recorded decisions or a leads file), follow it, read its report and its changed leads page by page. Imports
 * {@code simulation.run}, {@code policy.candidate}, {@code policy.activation}, {@code security}, {@code system}.
 */
package io.leadqualifier.simulation.api;
