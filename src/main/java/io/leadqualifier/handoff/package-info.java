/**
 * The hand-off library: what the policy's data tables say about who receives a hand-off and when its clock runs.
 * By job: {@code calendar} (business hours, public holidays, closing days: time arithmetic in a team's hours),
 * {@code roster} (queues, members, weighted round robin), {@code reasons} (the reasons sales give for sending a
 * lead back or losing it), {@code tables} (reading them from their workbooks, with the problems found). Imports no
 * feature of ours: the JDK, POI and Jollyday only; {@code policy} reads the tables with it and carries them in a
 * compiled policy. This root package holds no class.
 */
package io.leadqualifier.handoff;
