/**
 * The ground floor: RFC 9457 problems (features throw {@link io.leadqualifier.system.ProblemException}s, mapped
 * here once), request limits, the service clock, store durability, hashing and the API description's front
 * page. Imports no feature.
 */
package io.leadqualifier.system;
