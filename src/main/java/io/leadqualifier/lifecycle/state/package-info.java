/**
 * The lifecycle's tables: lead states, hand-offs, transitions and the event chain, read and written with
 * JDBC inside the caller's transaction; sales notes erased with the person's data. Imports {@code audit.trail} (the chain link),
 * {@code audit.integrity} (the erasure event), {@code facts},
 * {@code system}.
 */
package io.leadqualifier.lifecycle.state;
