/** Policy sources: the files, the folders they live in, their content-hash version, their DRL as the engine's parser reads it, and the findings reported against them. Imports {@code system} only. */
package io.leadqualifier.policy.source;
