/**
 * The lifecycle's tables: lead states, hand-offs, transitions and the event chain, read and written with
 * JDBC inside the caller's transaction. Imports {@code audit.trail} (the chain link), {@code facts},
 * {@code system}.
 */
package io.leadqualifier.lifecycle.state;
