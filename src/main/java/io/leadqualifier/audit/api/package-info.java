/** The trail's HTTP resources: thin, they parse, call one service, answer. Imports the other {@code audit} packages, {@code decision}, {@code facts}, {@code security}. */
package io.leadqualifier.audit.api;
