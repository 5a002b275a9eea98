/**
 * {@code POST /api/v1/qualify}: a request, validated and completed with defaults, turned into facts once,
 * evaluated under the active policy, recorded through the trail's group writer, and answered; each recorded
 * decision is announced ({@code DecisionRecorded}, a CDI event) for the shadow policy. Imports
 * {@code decision}, {@code evaluation}, {@code policy}, {@code audit.trail}, {@code security}, {@code system}.
 */
package io.leadqualifier.qualification;
