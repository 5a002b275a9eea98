/** Every policy version ever submitted, with its files, candidates, check reports and activations, so any decision's policy can be compiled again. Imports {@code policy.source}, {@code system}. */
package io.leadqualifier.policy.archive;
