package io.leadqualifier.policy.check;

import java.util.Set;

/**
 * The {@code Lead} property paths the API fills ({@code company.industry}, {@code bant.need}, …), so that
 * lint can flag a rule reading a field no request ever sets. Provided by the API layer, which knows.
 */
public interface LeadFieldsFilled {

    Set<String> paths();
}
