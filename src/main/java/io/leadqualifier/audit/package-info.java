/**
 * The decision trail, by job: {@code trail} writes it (group commit, hash chain, compact rows) and reads a
 * decision back; {@code search} finds and exports; {@code integrity} verifies the chain, erases personal
 * data and applies retention; {@code api} is its HTTP face. Sub-packages import {@code trail}, never each
 * other's way back; all may import {@code decision}, {@code facts}, {@code system}; only {@code api} imports
 * {@code security}.
 */
package io.leadqualifier.audit;
