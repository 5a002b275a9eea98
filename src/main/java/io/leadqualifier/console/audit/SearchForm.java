package io.leadqualifier.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decision search as the browser sent it: the API's filters, as text, so a refused value is shown back in its
 * field; and the links to the pages before and after.
 */
public record SearchForm(String leadId, String stage, String route, String rule, String policyVersion, String from, String to,
        int page, int size) {

    /** Blank fields do not filter: a form sends every field, filled or not. */
    public SearchForm {
        leadId = blankToNull(leadId);
        stage = blankToNull(stage);
        route = blankToNull(route);
        rule = blankToNull(rule);
        policyVersion = blankToNull(policyVersion);
        from = blankToNull(from);
        to = blankToNull(to);
    }

    /** The link to another page of the same search. */
    public String pageLink(int other) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("leadId", leadId);
        query.put("stage", stage);
        query.put("route", route);
        query.put("rule", rule);
        query.put("policyVersion", policyVersion);
        query.put("from", from);
        query.put("to", to);
        query.put("page", other);
        query.put("size", size);
        return "/console/decisions?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
