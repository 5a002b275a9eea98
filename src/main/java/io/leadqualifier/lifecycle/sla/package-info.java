/**
 * Enforcing the hand-off SLA: the sweep (breach recorded once, escalation, recycle), and the open and breached
 * hand-offs with their clocks. Imports {@code lifecycle.state}, {@code facts}, {@code webhook}, {@code system}.
 */
package io.leadqualifier.lifecycle.sla;
