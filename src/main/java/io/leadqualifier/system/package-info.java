/**
 * The ground floor: RFC 9457 problems (features throw {@link io.leadqualifier.system.ProblemException}s, mapped
 * here once), request limits, the service clock, store durability, hashing, the API description's front
 * page, and the jobs that run once across the instances (Quartz: {@link io.leadqualifier.system.ClusteredJobs}).
 * Imports no feature.
 */
package io.leadqualifier.system;
