/** DRL is code: the allowlist every rule and table cell must pass, and the inspection of workbooks before any spreadsheet parser opens them. Imports {@code policy.source}, {@code facts}. */
package io.leadqualifier.policy.guard;
