/**
 * What changes a lead's lifecycle, and how: a recorded decision ({@code DecisionTransitions}, a listener of the
 * trail's group writer), a sales event ({@code SalesEvents}, with {@code EventRules}), and who a new hand-off is
 * assigned to ({@code Assignments}); the history a decision's rules see ({@code Histories}). Imports
 * {@code lifecycle.state}, {@code audit.trail}, {@code decision}, {@code facts}, {@code handoff}, {@code policy},
 * {@code webhook}, {@code system}.
 */
package io.leadqualifier.lifecycle.transition;
